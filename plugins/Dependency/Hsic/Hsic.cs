using MIForge.Abstractions;
using MIForge.Plugins.Dependency.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Dependency.Hsic;

/// <summary>The Hilbert–Schmidt independence criterion between paired samples, with a kernel per
/// side and a choice of estimator (BiDO's normalized-CCA form by default).</summary>
[Plugin("hsic", "Hilbert-Schmidt independence criterion: normalized-cca (BiDO), biased or unbiased; gaussian/linear/imq kernels")]
public sealed class Hsic(HsicOptions options) : IDependencyMeasure
{
    /// <summary>HSIC of x [m,...] and y [m,...] (rows paired, trailing dimensions flattened) as a
    /// differentiable scalar in x's dtype; 0 when either side is constant.</summary>
    public Tensor Measure(Tensor x, Tensor y)
    {
        var minimum = options.Estimator == HsicEstimator.Unbiased ? 4 : 2;
        using var scope = NewDisposeScope();
        var (a, b) = PairedSample.Rows("hsic", x, y, minimum);
        var (k, l) = KernelChoice.Grams(options, a, b);
        var value = options.Estimator switch
        {
            HsicEstimator.Biased => HsicEstimates.Biased(k, l),
            HsicEstimator.Unbiased => HsicEstimates.Unbiased(k, l),
            _ => HsicEstimates.NormalizedCca(k, l, options.Epsilon),
        };
        return value.to(x.dtype).MoveToOuterDisposeScope();
    }
}
