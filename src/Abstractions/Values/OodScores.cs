using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Abstractions;

/// <summary>Scores of one OOD scorer (higher = in-distribution). Owns its tensors.</summary>
/// <param name="InDistribution">[n] scores on in-distribution test images (the negatives for FPR@95TPR).</param>
/// <param name="OutOfDistribution">[m] scores on OOD test images (the positives).</param>
public sealed record OodScores(torch.Tensor InDistribution, torch.Tensor OutOfDistribution) : IDisposable
{
    /// <summary>Disposes both tensors.</summary>
    public void Dispose()
    {
        InDistribution.Dispose();
        OutOfDistribution.Dispose();
    }
}
