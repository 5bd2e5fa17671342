namespace MIForge.Abstractions;

/// <summary>An optional ability of an <see cref="IOodLoss"/>: it learns something (e.g. energy margins)
/// from batches seen before its term is switched on.</summary>
public interface IWarmupObserver
{
    /// <summary>True while something is left to learn (false, e.g., when every margin was given).</summary>
    bool Observing { get; }

    /// <summary>Records one warm-up batch's in-distribution and outlier outputs (called without gradients, in eval mode).</summary>
    void Observe(ClassifierOutput inDistribution, ClassifierOutput outliers);
}
