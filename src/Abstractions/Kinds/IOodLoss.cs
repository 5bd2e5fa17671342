using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Abstractions;

/// <summary>A training term that keeps a classifier able to reject outliers (outlier exposure, energy margin).</summary>
public interface IOodLoss
{
    /// <summary>Differentiable scalar from the model's output on an in-distribution batch and on an outlier batch.</summary>
    torch.Tensor Loss(ClassifierOutput inDistribution, ClassifierOutput outliers);

    /// <summary>True when the loss learns something (e.g. energy margins) from batches seen before its term is switched on.</summary>
    bool ObservesWarmup => false;

    /// <summary>Records one warm-up batch's in-distribution and outlier outputs (called without gradients) when <see cref="ObservesWarmup"/>.</summary>
    void Observe(ClassifierOutput inDistribution, ClassifierOutput outliers) { }
}
