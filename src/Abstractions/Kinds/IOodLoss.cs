using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Abstractions;

/// <summary>A training term that keeps a classifier able to reject outliers (outlier exposure, energy margin).
/// Optional ability: <see cref="IWarmupObserver"/>.</summary>
public interface IOodLoss
{
    /// <summary>Differentiable scalar from the model's output on an in-distribution batch and on an outlier batch.</summary>
    torch.Tensor Loss(ClassifierOutput inDistribution, ClassifierOutput outliers);
}
