using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Numerics.Kernels;

/// <summary>The linear kernel k(a, b) = a·b (BiDO's kernel on one-hot labels).</summary>
public sealed class LinearKernel : IKernel
{
    /// <summary>a·bᵀ, [m,n].</summary>
    public Tensor Gram(Tensor a, Tensor b)
    {
        using var bt = b.t();
        return a.matmul(bt);
    }
}
