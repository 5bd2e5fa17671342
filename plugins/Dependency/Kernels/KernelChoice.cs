using MIForge.Numerics.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Dependency.Kernels;

/// <summary>Turns <see cref="KernelPairOptions"/> into the Gram matrices of a paired sample.</summary>
internal static class KernelChoice
{
    /// <summary>The kernel for one side; a median bandwidth is measured on <paramref name="sample"/>.</summary>
    public static IKernel For(KernelKind kind, double sigma, KernelPairOptions options, Tensor sample) => kind switch
    {
        KernelKind.Gaussian when options.Bandwidth == BandwidthRule.Median => new GaussianKernel(MedianHeuristic.Bandwidth(sample), scaleByDimension: false),
        KernelKind.Gaussian => new GaussianKernel(sigma),
        KernelKind.Linear => new LinearKernel(),
        KernelKind.Imq => new InverseMultiquadricKernel(options.ImqOffset),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown kernel"),
    };

    /// <summary>K on x and L on y, both [m,m] in float64 so the m×m algebra that follows is exact enough.</summary>
    public static (Tensor K, Tensor L) Grams(KernelPairOptions options, Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        var k = For(options.KernelX, options.SigmaX, options, x).Gram(x).to(ScalarType.Float64);
        var l = For(options.KernelY, options.SigmaY, options, y).Gram(y).to(ScalarType.Float64);
        return (k.MoveToOuterDisposeScope(), l.MoveToOuterDisposeScope());
    }
}
