using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Numerics.Kernels;

/// <summary>Conveniences over <see cref="IKernel"/>.</summary>
public static class KernelExtensions
{
    /// <summary>The Gram matrix of one sample with itself, [m,m].</summary>
    public static Tensor Gram(this IKernel kernel, Tensor x) => kernel.Gram(x, x);
}
