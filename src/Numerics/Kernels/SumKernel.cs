using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Numerics.Kernels;

/// <summary>The sum of several kernels (a multi-bandwidth kernel when they are Gaussians of different σ).</summary>
public sealed class SumKernel(IReadOnlyList<IKernel> kernels) : IKernel
{
    /// <summary>The summed kernels.</summary>
    public IReadOnlyList<IKernel> Kernels { get; } = kernels.Count > 0 ? kernels : throw new ArgumentException("a sum kernel needs at least one kernel", nameof(kernels));

    /// <summary>Σ_k G_k(a, b).</summary>
    public Tensor Gram(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        var sum = Kernels[0].Gram(a, b);
        for (var i = 1; i < Kernels.Count; i++) sum = sum + Kernels[i].Gram(a, b);
        return sum.MoveToOuterDisposeScope();
    }
}
