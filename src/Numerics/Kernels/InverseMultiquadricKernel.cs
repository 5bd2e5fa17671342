using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Numerics.Kernels;

/// <summary>The inverse multiquadric kernel k(a, b) = 1 / sqrt(‖a−b‖² + c²); BiDO's "IMQ" is c = 1.</summary>
/// <param name="offset">c &gt; 0.</param>
public sealed class InverseMultiquadricKernel(double offset = 1) : IKernel
{
    /// <summary>The offset c.</summary>
    public double Offset { get; } = offset > 0 && double.IsFinite(offset)
        ? offset : throw new ArgumentOutOfRangeException(nameof(offset), offset, "the IMQ kernel needs a finite offset > 0");

    /// <summary>(‖a_i−b_j‖² + c²)^(−1/2) for every pair of rows.</summary>
    public Tensor Gram(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        return (PairwiseDistance.SquaredEuclidean(a, b) + Offset * Offset).rsqrt().MoveToOuterDisposeScope();
    }
}
