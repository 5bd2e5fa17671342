using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Abstractions;

/// <summary>An out-of-distribution detector on top of a classifier (MSP, Energy, Mahalanobis, ...).</summary>
public interface IOodScorer
{
    /// <summary>Learns statistics from in-distribution training data; the default does nothing.</summary>
    void Fit(IClassifier model, ImageSet inDistribution) { }

    /// <summary>Scores [N] for images; higher means more in-distribution. No gradients needed.</summary>
    torch.Tensor Score(IClassifier model, torch.Tensor images);
}
