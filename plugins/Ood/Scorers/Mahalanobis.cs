using MIForge.Abstractions;
using MIForge.Plugins.Ood.Fitting;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Ood.Scorers;

/// <summary>Mahalanobis distance (Lee et al., 2018), OpenOOD's "mds": class means μ_c and one shared
/// covariance Σ of the penultimate features (biased, class-centred); score = −min_c (z−μ_c)ᵀΣ⁺(z−μ_c).</summary>
[Plugin("mahalanobis", "Negative Mahalanobis distance to the closest class mean, shared covariance on penultimate features (Lee et al. 2018)")]
public sealed class Mahalanobis : IOodScorer, IDisposable
{
    private Tensor? means;
    private Tensor? precision;

    /// <inheritdoc/>
    public void Fit(IClassifier model, ImageSet inDistribution)
    {
        Dispose();
        using var scope = NewDisposeScope();
        using var seen = Activations.Collect(model, inDistribution.Images);
        var labels = inDistribution.Labels.to(seen.Features.device);
        var classMeans = new List<Tensor>();
        var centred = new List<Tensor>();
        for (var c = 0; c < inDistribution.ClassCount; c++)
        {
            var rows = seen.Features.index(labels.eq(c));
            if (rows.shape[0] == 0) throw new ArgumentException($"mahalanobis: class {c} has no in-distribution image to estimate its mean from", nameof(inDistribution));
            var mean = rows.mean([0L]);
            classMeans.Add(mean);
            centred.Add(rows - mean);
        }
        var x = cat(centred.ToArray());
        x = x - x.mean([0L], keepdim: true);
        var covariance = x.t().matmul(x) / x.shape[0];
        means = stack(classMeans.ToArray()).DetachFromDisposeScope();
        precision = linalg.pinv(covariance, hermitian: true).DetachFromDisposeScope();
    }

    /// <inheritdoc/>
    public Tensor Score(IClassifier model, Tensor images)
    {
        var mu = NotFitted.Check(means, "mahalanobis");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var output = model.Forward(images);
        var z = output.Features.flatten(1).to(ScalarType.Float64, mu.device);
        var distances = new List<Tensor>();
        for (var c = 0; c < mu.shape[0]; c++)
        {
            var d = z - mu[c];
            distances.Add((d.matmul(precision!) * d).sum(1));
        }
        var (closest, _) = stack(distances.ToArray(), 1).min(1);
        return closest.neg().MoveToOuterDisposeScope();
    }

    /// <summary>Frees the fitted statistics.</summary>
    public void Dispose()
    {
        means?.Dispose();
        precision?.Dispose();
        means = precision = null;
    }
}
