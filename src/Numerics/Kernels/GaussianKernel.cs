using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Numerics.Kernels;

/// <summary>The Gaussian (RBF) kernel exp(−‖a−b‖² / (2σ²·s)), where s is the feature dimension when
/// <paramref name="scaleByDimension"/> (BiDO's bandwidth, so one σ suits inputs of any width) and 1 otherwise.</summary>
/// <param name="sigma">Bandwidth σ &gt; 0.</param>
/// <param name="scaleByDimension">Multiply σ² by the number of features (BiDO) or not (textbook RBF).</param>
public sealed class GaussianKernel(double sigma, bool scaleByDimension = true) : IKernel
{
    /// <summary>The bandwidth σ.</summary>
    public double Sigma { get; } = sigma > 0 && double.IsFinite(sigma)
        ? sigma : throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "the Gaussian kernel needs a finite bandwidth > 0");

    /// <summary>Whether σ² is multiplied by the feature dimension.</summary>
    public bool ScaleByDimension { get; } = scaleByDimension;

    /// <summary>exp(−‖a_i−b_j‖² / (2σ²·s)) for every pair of rows.</summary>
    public Tensor Gram(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        var dim = ScaleByDimension ? a.size(1) : 1;
        var distances = PairwiseDistance.SquaredEuclidean(a, b);
        return (distances / (-2 * Sigma * Sigma * dim)).exp().MoveToOuterDisposeScope();
    }
}
