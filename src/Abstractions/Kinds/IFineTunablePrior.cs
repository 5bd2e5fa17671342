namespace MIForge.Abstractions;

/// <summary>An optional ability of an <see cref="IPrior"/>: <see cref="IPrior.Clone"/> copies the weights
/// and <see cref="IPrior.Train"/> continues from them, honouring <see cref="PriorTraining.GeneratorObjective"/>
/// (what PPDG-MI's tuning needs). A prior without it is refused by attacks that fine-tune.</summary>
public interface IFineTunablePrior : IPrior;
