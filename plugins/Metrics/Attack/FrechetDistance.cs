using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Metrics.Attack;

/// <summary>The Fréchet distance between Gaussians fitted to two feature sets (rows are samples).</summary>
public static class FrechetDistance
{
    /// <summary>d² = ‖μa−μb‖² + tr Σa + tr Σb − 2 tr (Σa^½ Σb Σa^½)^½ with unbiased covariances, in float64.</summary>
    public static double Between(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        var (muA, covA) = Moments(a.to(ScalarType.Float64));
        var (muB, covB) = Moments(b.to(ScalarType.Float64));
        var rootA = SymmetricSqrt(covA);
        var inner = rootA.matmul(covB).matmul(rootA);
        inner = (inner + inner.t()) / 2;
        var crossTrace = linalg.eigvalsh(inner).clamp_min(0).sqrt().sum();
        var d = (muA - muB).pow(2).sum() + covA.trace() + covB.trace() - 2 * crossTrace;
        return Math.Max(0, d.item<double>());
    }

    /// <summary>Mean [d] and unbiased covariance [d,d] of rows.</summary>
    internal static (Tensor Mean, Tensor Covariance) Moments(Tensor x)
    {
        using var scope = NewDisposeScope();
        var mean = x.mean([0L]);
        var centred = x - mean.unsqueeze(0);
        var cov = centred.t().matmul(centred) / (x.shape[0] - 1);
        return (mean.MoveToOuterDisposeScope(), cov.MoveToOuterDisposeScope());
    }

    /// <summary>The PSD square root of a symmetric matrix by eigh (negative round-off eigenvalues clipped).</summary>
    internal static Tensor SymmetricSqrt(Tensor m)
    {
        using var scope = NewDisposeScope();
        var (values, vectors) = linalg.eigh((m + m.t()) / 2);
        var root = vectors.matmul(values.clamp_min(0).sqrt().diag()).matmul(vectors.t());
        return root.MoveToOuterDisposeScope();
    }
}
