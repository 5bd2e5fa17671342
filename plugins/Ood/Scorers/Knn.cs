using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using MIForge.Numerics;
using MIForge.Plugins.Ood.Fitting;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Ood.Scorers;

/// <summary>Options of <see cref="Knn"/>; the default K is OpenOOD's.</summary>
public sealed class KnnOptions
{
    /// <summary>Which nearest neighbour's distance is the score.</summary>
    [Range(1, 1_000_000), Description("k: the distance to the k-th nearest normalised training feature is the score.")]
    public int K { get; set; } = 50;
}

/// <summary>Deep nearest neighbours (Sun et al., 2022): −‖z − z_(k)‖ between the L2-normalised
/// penultimate feature z and its k-th nearest normalised in-distribution training feature.</summary>
[Plugin("knn", "Negative distance to the k-th nearest normalised training feature (Sun et al. 2022)")]
public sealed class Knn(KnnOptions options) : IOodScorer, IDisposable
{
    private Tensor? bank;

    /// <inheritdoc/>
    public void Fit(IClassifier model, ImageSet inDistribution)
    {
        if (inDistribution.Count < options.K)
            throw new ArgumentException($"knn: k = {options.K} needs at least that many in-distribution images, got {inDistribution.Count}", nameof(inDistribution));
        Dispose();
        using var seen = Activations.Collect(model, inDistribution.Images);
        bank = nn.functional.normalize(seen.Features).DetachFromDisposeScope();
    }

    /// <inheritdoc/>
    public Tensor Score(IClassifier model, Tensor images)
    {
        var normalised = NotFitted.Check(bank, "knn");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var output = model.Forward(images);
        var z = nn.functional.normalize(output.Features.flatten(1).to(ScalarType.Float64, normalised.device));
        var (nearest, _) = PairwiseDistance.SquaredEuclidean(z, normalised).topk(options.K, 1, largest: false);
        return nearest.select(1, options.K - 1).sqrt().neg().MoveToOuterDisposeScope();
    }

    /// <summary>Frees the feature bank.</summary>
    public void Dispose()
    {
        bank?.Dispose();
        bank = null;
    }
}
