using MIForge.TestSupport;
using MIForge.Plugins.Dependency.Coco;
using MIForge.Plugins.Dependency.Kernels;
using MIForge.Plugins.Dependency.Tests.Reference;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Dependency.Tests;

/// <summary>COCO as BiDO computes it, against float64 values from the formula.</summary>
public class CocoTests
{
    private static double Value(Coco.Coco coco, Tensor x, Tensor y)
    {
        using var v = coco.Measure(x, y);
        return v.ToDouble();
    }

    [Fact]
    public void Matches_the_float64_reference()
    {
        using var scope = NewDisposeScope();
        var x = Expected.Of(Expected.X);
        Assert.Equal(Expected.GaussianCoco, Value(new Coco.Coco(new CocoOptions()), x, Expected.Of(Expected.Y)), 1e-12);
        Assert.Equal(Expected.GaussianLinearCoco, Value(new Coco.Coco(new CocoOptions { KernelY = KernelKind.Linear }), x, Expected.OneHot()), 1e-12);
    }

    [Fact]
    public void Identical_samples_depend_more_than_independent_ones()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var coco = new Coco.Coco(new CocoOptions { Bandwidth = BandwidthRule.Median });
        var x = randn([100, 3], ScalarType.Float64);
        var identical = Value(coco, x, x);
        var independent = Value(coco, x, randn([100, 3], ScalarType.Float64));
        Assert.True(independent < 0.5 * identical, $"COCO(x, y) = {independent}, COCO(x, x) = {identical}");
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        var coco = new Coco.Coco(new CocoOptions { SigmaX = 0.5, SigmaY = 0.5, KernelY = KernelKind.Imq });
        using var scope = NewDisposeScope();
        GradCheck.Assert(t => coco.Measure(t[0], t[1]), Expected.Of(Expected.X), Expected.Of(Expected.Y));
    }

    [Fact]
    public void Constant_features_give_zero_without_nan_gradients()
    {
        using var scope = NewDisposeScope();
        var constant = full([6, 4], -1.5, ScalarType.Float64).requires_grad_();
        var y = Expected.Of(Expected.Y).requires_grad_();
        var value = new Coco.Coco(new CocoOptions()).Measure(constant, y);
        Assert.Equal(0.0, value.item<double>());
        var grads = autograd.grad(new[] { value }, new[] { constant, y });
        Assert.All(grads, g => Assert.All(g!.data<double>().ToArray(), d => Assert.Equal(0.0, d)));
    }
}
