namespace MIForge.Abstractions;

/// <summary>An optional ability of an <see cref="IDefense"/> that draws auxiliary images: in the epochs it
/// names, the host forwards the training batch and the auxiliary batch through the model as one batch
/// (one set of batch-norm statistics for both, as outlier exposure and energy-bounded training do) and
/// hands the auxiliary part to the loss as <see cref="DefenseBatch.AuxiliaryOutput"/>.</summary>
public interface IJointAuxiliaryForward
{
    /// <summary>True when zero-based epoch <paramref name="epoch"/> of <paramref name="epochs"/> forwards both batches together.</summary>
    bool ForwardsJointly(int epoch, int epochs);
}
