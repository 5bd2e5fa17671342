using MIForge.Numerics;
using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Metrics.Attack;

/// <summary>Fréchet distance between Gaussians fitted to evaluator features of the reconstructions and
/// of the private training images of the reconstructed classes: ‖μ₁−μ₂‖² + tr Σ₁ + tr Σ₂ −
/// 2 tr (Σ₁^½ Σ₂ Σ₁^½)^½, square roots by symmetric eigendecomposition, in float64. This is not
/// Inception FID: it uses the evaluation classifier's penultimate features. Key evaluator_fid.</summary>
[Plugin("evaluator-fid", "Fréchet distance of evaluator penultimate features, reconstructions vs private images of their classes (not Inception FID)")]
public sealed class EvaluatorFid : IMetric
{
    /// <inheritdoc/>
    public MetricInputs Requires => MetricInputs.Evaluator | MetricInputs.PrivateData | MetricInputs.Reconstructions;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> Compute(MetricContext context)
    {
        var reconstructions = context.Reconstructions!;
        var privateData = context.PrivateData!;
        var classes = reconstructions.Classes.data<long>().ToArray().ToHashSet();
        var privateLabels = privateData.Labels.data<long>().ToArray();
        var keep = Enumerable.Range(0, privateLabels.Length).Where(j => classes.Contains(privateLabels[j])).Select(j => (long)j).ToArray();
        if (keep.Length < 2 || reconstructions.Images.shape[0] < 2)
            throw new ArgumentException("evaluator-fid needs at least two reconstructions and two private images of their classes");
        using var scope = NewDisposeScope();
        var (_, recFeatures) = ChunkedForward.Run(context.Evaluator!, reconstructions.Images);
        var (_, privFeatures) = ChunkedForward.Run(context.Evaluator!, privateData.Images.index_select(0, tensor(keep, device: privateData.Images.device)));
        return new Dictionary<string, double> { ["evaluator_fid"] = FrechetDistance.Between(recFeatures, privFeatures) };
    }
}
