using MIForge.Numerics.Kernels;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Dependency.Hsic;

/// <summary>The HSIC estimators as functions of two Gram matrices K, L [m,m]; differentiable.</summary>
internal static class HsicEstimates
{
    /// <summary>tr(K·H·L·H)/(m−1)², computed as Σ K ∘ (HLH).</summary>
    public static Tensor Biased(Tensor k, Tensor l)
    {
        using var scope = NewDisposeScope();
        var m = k.size(0);
        var value = (k * Centering.Double(l)).sum() / ((m - 1.0) * (m - 1.0));
        return value.MoveToOuterDisposeScope();
    }

    /// <summary>Song et al. (2012): with K̃, L̃ the Gram matrices with zeroed diagonals,
    /// [tr(K̃L̃) + 1ᵀK̃1·1ᵀL̃1/((m−1)(m−2)) − 2/(m−2)·1ᵀK̃L̃1] / (m(m−3)).</summary>
    public static Tensor Unbiased(Tensor k, Tensor l)
    {
        using var scope = NewDisposeScope();
        double m = k.size(0);
        var offDiagonal = 1 - eye(k.size(0), dtype: k.dtype, device: k.device);
        var kt = k * offDiagonal;
        var lt = l * offDiagonal;
        var trace = (kt * lt.t()).sum();
        var totals = kt.sum() * lt.sum() / ((m - 1) * (m - 2));
        var cross = (kt.sum(dim: 0) * lt.sum(dim: 1)).sum() * (2 / (m - 2));
        return ((trace + totals - cross) / (m * (m - 3))).MoveToOuterDisposeScope();
    }

    /// <summary>tr(R_x R_y) with R = K̃(K̃ + ε·m·I)⁻¹ and K̃ = K·H. Because K̃ commutes with
    /// (K̃ + ε·m·I)⁻¹, R is the solution of (K̃ + ε·m·I)·R = K̃: one LU solve, no explicit inverse.</summary>
    public static Tensor NormalizedCca(Tensor k, Tensor l, double epsilon)
    {
        using var scope = NewDisposeScope();
        var rx = Resolvent(k, epsilon);
        var ry = Resolvent(l, epsilon);
        return (rx * ry.t()).sum().MoveToOuterDisposeScope();
    }

    /// <summary>R = K̃(K̃ + ε·m·I)⁻¹ for K̃ = K·H, by a linear solve.</summary>
    public static Tensor Resolvent(Tensor k, double epsilon)
    {
        using var scope = NewDisposeScope();
        var m = k.size(0);
        var centred = Centering.Right(k);
        var shifted = centred + eye(m, dtype: k.dtype, device: k.device) * (epsilon * m);
        return linalg.solve(shifted, centred).MoveToOuterDisposeScope();
    }
}
