using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Numerics;

/// <summary>Pairwise distances between rows, differentiable.</summary>
public static class PairwiseDistance
{
    /// <summary>D[i,j] = ‖a_i − b_j‖² for a [m,d], b [n,d], clamped at 0 against round-off.</summary>
    public static Tensor SquaredEuclidean(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        var aa = (a * a).sum(1, keepdim: true);
        var bb = (b * b).sum(1, keepdim: true).t();
        var d = (aa + bb - 2 * a.matmul(b.t())).clamp_min(0);
        return d.MoveToOuterDisposeScope();
    }
}
