using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Numerics.Kernels;

/// <summary>Maximum mean discrepancy between two samples, and the multi-bandwidth Gaussian kernel PPDG-MI
/// measures it with (the multi-kernel MMD of Long et al. 2015).</summary>
public static class Mmd
{
    /// <summary>Biased MMD² = mean k(x,x') + mean k(y,y') − 2·mean k(x,y) for x [m,d], y [n,d]; differentiable in both.</summary>
    public static Tensor Squared(IKernel kernel, Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        var value = kernel.Gram(x).mean() + kernel.Gram(y).mean() - 2 * kernel.Gram(x, y).mean();
        return value.MoveToOuterDisposeScope();
    }

    /// <summary>A sum of <paramref name="kernels"/> Gaussian kernels exp(−‖a−b‖²/h) with bandwidths h a geometric ladder
    /// (ratio <paramref name="multiplier"/>) centred on the mean squared distance between distinct rows of x and y pooled.</summary>
    public static SumKernel GaussianLadder(Tensor x, Tensor y, int kernels = 5, double multiplier = 2)
    {
        if (kernels < 1) throw new ArgumentOutOfRangeException(nameof(kernels), kernels, "at least one kernel");
        double mean;
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            var pooled = cat(new[] { x.detach(), y.detach() }, 0);
            var n = pooled.shape[0];
            mean = PairwiseDistance.SquaredEuclidean(pooled, pooled).sum().item<float>() / Math.Max(1, n * n - n);
        }
        var smallest = Math.Max(mean, 1e-12) / Math.Pow(multiplier, kernels / 2);
        return new SumKernel(Enumerable.Range(0, kernels)
            .Select(i => (IKernel)new GaussianKernel(Math.Sqrt(smallest * Math.Pow(multiplier, i) / 2), scaleByDimension: false)).ToArray());
    }
}
