namespace MIForge.Abstractions;

/// <summary>An optional ability of an <see cref="IPrior"/>: its training needs the target classifier
/// (inversion-specific GANs such as KED-MI's), so the host trains one prior per target and hands the
/// target in <see cref="PriorTraining.Target"/>. The host reads it from the plugin's type, without
/// creating the plugin.</summary>
public interface ITargetAwarePrior : IPrior;
