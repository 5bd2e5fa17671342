using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Numerics.Kernels;

/// <summary>Centering of Gram matrices by H = I − (1/m)·11ᵀ, computed with row and column means
/// rather than m×m products; differentiable.</summary>
public static class Centering
{
    /// <summary>The centering matrix H = I − (1/m)·11ᵀ, [m,m].</summary>
    public static Tensor Matrix(long m, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        using var scope = NewDisposeScope();
        return (eye(m, dtype: dtype, device: device) - 1.0 / m).MoveToOuterDisposeScope();
    }

    /// <summary>K·H: each row of K minus its mean (BiDO's one-sided centering in normalized HSIC).</summary>
    public static Tensor Right(Tensor k)
    {
        using var rowMeans = k.mean([1], keepdim: true);
        return k - rowMeans;
    }

    /// <summary>H·K·H: K minus its row means and column means plus its grand mean.</summary>
    public static Tensor Double(Tensor k)
    {
        using var scope = NewDisposeScope();
        var centred = k - k.mean([1], keepdim: true) - k.mean([0], keepdim: true) + k.mean();
        return centred.MoveToOuterDisposeScope();
    }
}
