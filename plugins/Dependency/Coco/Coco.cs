using MIForge.Abstractions;
using MIForge.Numerics.Kernels;
using MIForge.Plugins.Dependency.Kernels;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Dependency.Coco;

/// <summary>Constrained covariance as BiDO computes it: sqrt(‖HKH·HLH‖_F)/m, i.e. the fourth root of
/// the summed squares of the product of the doubly-centred Gram matrices, over m.</summary>
[Plugin("coco", "constrained covariance as in BiDO: sqrt(||HKH HLH||_F)/m; gaussian/linear/imq kernels")]
public sealed class Coco(CocoOptions options) : IDependencyMeasure
{
    /// <summary>Sums of squares at or below this count as 0 (a constant side), so the fourth root's
    /// gradient stays finite.</summary>
    internal const double Negligible = 1e-30;

    /// <summary>COCO of x [m,...] and y [m,...] as a differentiable scalar in x's dtype; exactly 0
    /// (with zero gradient, not NaN) when either side is constant.</summary>
    public Tensor Measure(Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        var (a, b) = PairedSample.Rows("coco", x, y, 2);
        var (k, l) = KernelChoice.Grams(options, a, b);
        var product = Centering.Double(k).matmul(Centering.Double(l));
        var squares = (product * product).sum();
        var root = where(squares > Negligible, squares.clamp_min(Negligible).pow(0.25), zeros_like(squares));
        return (root / k.size(0)).to(x.dtype).MoveToOuterDisposeScope();
    }
}
