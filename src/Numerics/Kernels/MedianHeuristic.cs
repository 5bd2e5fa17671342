using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Numerics.Kernels;

/// <summary>The median heuristic for a Gaussian bandwidth: σ = the median Euclidean distance between
/// distinct rows (Gretton et al.), computed without gradients.</summary>
public static class MedianHeuristic
{
    /// <summary>Median distance between distinct rows of the pooled samples (a; b, or a alone); the
    /// mean distance when the median is 0, and 1 when every row is the same (any σ then gives the
    /// same, constant kernel).</summary>
    public static double Bandwidth(Tensor a, Tensor? b = null)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = (b is null ? a : cat([a, b])).detach().to(ScalarType.Float64);
        var m = x.size(0);
        if (m < 2) throw new ArgumentException($"the median heuristic needs at least 2 rows, got {m}");
        var distances = PairwiseDistance.SquaredEuclidean(x, x);
        var upper = ones([m, m], ScalarType.Bool, x.device).triu(1);
        var pairs = distances.masked_select(upper).sqrt();
        var median = pairs.quantile(0.5).item<double>();
        if (median > 0) return median;
        var mean = pairs.mean().item<double>();
        return mean > 0 ? mean : 1;
    }
}
