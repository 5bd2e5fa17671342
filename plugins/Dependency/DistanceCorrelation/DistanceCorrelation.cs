using MIForge.Abstractions;
using MIForge.Numerics;
using MIForge.Numerics.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Dependency.DistanceCorrelation;

/// <summary>Squared distance correlation R²(x, y) of Székely, Rizzo and Bakirov (2007), the
/// V-statistic form: with A, B the doubly-centred Euclidean distance matrices,
/// R² = mean(A∘B) / sqrt(mean(A∘A)·mean(B∘B)). Kernel-free and scale-invariant, in [0, 1].
/// Written against the public contracts only (Abstractions, TorchSharp, Numerics), as a third-party
/// measure would be.</summary>
[Plugin("dcor", "squared distance correlation (Szekely et al. 2007): kernel-free, scale-invariant, in [0, 1]")]
public sealed class DistanceCorrelation : IDependencyMeasure
{
    /// <summary>Distances and variances at or below this count as 0, which keeps square roots and
    /// the ratio finite (and their gradients free of NaN).</summary>
    private const double Negligible = 1e-30;

    /// <summary>R² of x [m,...] and y [m,...] (trailing dimensions flattened), a differentiable
    /// scalar in x's dtype; 0 when either side is constant (Székely's convention).</summary>
    public Tensor Measure(Tensor x, Tensor y)
    {
        if (x.ndim < 1 || y.ndim < 1 || x.size(0) != y.size(0))
            throw new ArgumentException($"dcor: x and y need the same number of rows, got [{string.Join(",", x.shape)}] and [{string.Join(",", y.shape)}]");
        if (x.size(0) < 2) throw new ArgumentException($"dcor needs at least 2 paired rows, got {x.size(0)}");
        using var scope = NewDisposeScope();
        var a = CentredDistances(x);
        var b = CentredDistances(y);
        var covariance = (a * b).mean();
        var variances = (a * a).mean() * (b * b).mean();
        var ratio = covariance / variances.clamp_min(Negligible).sqrt();
        return where(variances > Negligible, ratio, zeros_like(ratio)).to(x.dtype).MoveToOuterDisposeScope();
    }

    /// <summary>The doubly-centred Euclidean distance matrix of the rows, in float64, with an exactly
    /// zero diagonal (round-off there would otherwise reach the square root).</summary>
    private static Tensor CentredDistances(Tensor t)
    {
        var rows = (t.ndim == 1 ? t.reshape(t.size(0), 1) : t.flatten(1)).to(ScalarType.Float64);
        var offDiagonal = 1 - eye(rows.size(0), dtype: ScalarType.Float64, device: rows.device);
        var squared = PairwiseDistance.SquaredEuclidean(rows, rows) * offDiagonal;
        var distances = where(squared > Negligible, squared.clamp_min(Negligible).sqrt(), zeros_like(squared));
        return Centering.Double(distances);
    }
}
