using MIForge.TestSupport;
using MIForge.Plugins.Dependency.Tests.Reference;
using static TorchSharp.torch;
using Dcor = MIForge.Plugins.Dependency.DistanceCorrelation.DistanceCorrelation;
using TorchSharp;

namespace MIForge.Plugins.Dependency.Tests;

/// <summary>Squared distance correlation against float64 values from the formula, and its properties.</summary>
public class DistanceCorrelationTests
{
    private static double Value(Tensor x, Tensor y)
    {
        using var v = new Dcor().Measure(x, y);
        return v.ToDouble();
    }

    [Fact]
    public void Matches_the_float64_reference_and_is_scale_invariant()
    {
        using var scope = NewDisposeScope();
        var x = Expected.Of(Expected.X);
        var y = Expected.Of(Expected.Y);
        Assert.Equal(Expected.DistanceCorrelation, Value(x, y), 1e-12);
        Assert.Equal(Expected.DistanceCorrelation, Value(x * 40, y * 0.02), 1e-10);
        Assert.Equal(1.0, Value(x, x * 3), 1e-12);
    }

    [Fact]
    public void Independent_samples_are_near_zero()
    {
        using var scope = NewDisposeScope();
        manual_seed(13);
        Assert.True(Value(randn([300, 2], ScalarType.Float64), randn([300, 2], ScalarType.Float64)) < 0.05);
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        using var scope = NewDisposeScope();
        GradCheck.Assert(t => new Dcor().Measure(t[0], t[1]), Expected.Of(Expected.X), Expected.Of(Expected.Y));
    }

    [Fact]
    public void Constant_features_give_zero_without_nan_gradients()
    {
        using var scope = NewDisposeScope();
        var constant = full([6, 2], 3.0, ScalarType.Float64).requires_grad_();
        var y = Expected.Of(Expected.Y).requires_grad_();
        var value = new Dcor().Measure(constant, y);
        Assert.Equal(0.0, value.item<double>());
        var grads = autograd.grad(new[] { value }, new[] { constant, y });
        Assert.All(grads, g => Assert.All(g!.data<double>().ToArray(), d => Assert.True(double.IsFinite(d))));
    }
}
