using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Numerics.Kernels;

/// <summary>A positive-definite kernel k(a, b) evaluated between the rows of two samples.</summary>
public interface IKernel
{
    /// <summary>The Gram matrix G[i,j] = k(a_i, b_j) for a [m,d], b [n,d]; differentiable in a and b.</summary>
    Tensor Gram(Tensor a, Tensor b);
}
