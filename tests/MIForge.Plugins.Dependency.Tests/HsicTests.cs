using MIForge.TestSupport;
using MIForge.Numerics.Kernels;
using MIForge.Plugins.Dependency.Hsic;
using MIForge.Plugins.Dependency.Kernels;
using MIForge.Plugins.Dependency.Tests.Reference;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Dependency.Tests;

/// <summary>HSIC estimators against float64 values from the formulas, and their properties.</summary>
public class HsicTests
{
    private static Hsic.Hsic Measure(HsicEstimator estimator, KernelKind kx = KernelKind.Gaussian, KernelKind ky = KernelKind.Gaussian,
        BandwidthRule bandwidth = BandwidthRule.Fixed) =>
        new(new HsicOptions { Estimator = estimator, KernelX = kx, KernelY = ky, Bandwidth = bandwidth });

    private static double Value(Hsic.Hsic hsic, Tensor x, Tensor y)
    {
        using var v = hsic.Measure(x, y);
        return v.ToDouble();
    }

    [Theory]
    [InlineData(HsicEstimator.Biased, KernelKind.Gaussian, KernelKind.Gaussian, BandwidthRule.Fixed, false, Expected.GaussianBiased)]
    [InlineData(HsicEstimator.Unbiased, KernelKind.Gaussian, KernelKind.Gaussian, BandwidthRule.Fixed, false, Expected.GaussianUnbiased)]
    [InlineData(HsicEstimator.NormalizedCca, KernelKind.Gaussian, KernelKind.Gaussian, BandwidthRule.Fixed, false, Expected.GaussianNormalizedCca)]
    [InlineData(HsicEstimator.NormalizedCca, KernelKind.Gaussian, KernelKind.Linear, BandwidthRule.Fixed, true, Expected.GaussianLinearNormalizedCca)]
    [InlineData(HsicEstimator.Biased, KernelKind.Imq, KernelKind.Linear, BandwidthRule.Fixed, true, Expected.ImqLinearBiased)]
    [InlineData(HsicEstimator.Unbiased, KernelKind.Linear, KernelKind.Linear, BandwidthRule.Fixed, false, Expected.LinearUnbiased)]
    [InlineData(HsicEstimator.Biased, KernelKind.Gaussian, KernelKind.Gaussian, BandwidthRule.Median, false, Expected.MedianBiased)]
    public void Matches_the_float64_reference(HsicEstimator estimator, KernelKind kx, KernelKind ky, BandwidthRule bandwidth, bool labels, double expected)
    {
        using var scope = NewDisposeScope();
        var y = labels ? Expected.OneHot() : Expected.Of(Expected.Y);
        var actual = Value(Measure(estimator, kx, ky, bandwidth), Expected.Of(Expected.X), y);
        Assert.Equal(expected, actual, 1e-9 * Math.Max(1, Math.Abs(expected)));
    }

    [Fact]
    public void Float32_inputs_give_the_float64_value_to_single_precision()
    {
        using var scope = NewDisposeScope();
        var x = Expected.Of(Expected.X).to(ScalarType.Float32);
        var y = Expected.OneHot().to(ScalarType.Float32);
        using var v = Measure(HsicEstimator.NormalizedCca, ky: KernelKind.Linear).Measure(x, y);
        Assert.Equal(ScalarType.Float32, v.dtype);
        Assert.Equal(Expected.GaussianLinearNormalizedCca, v.item<float>(), 1e-4);
    }

    [Fact]
    public void Linear_solve_equals_the_explicit_inverse_of_bidos_reference()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var k = GaussianGram(randn([12, 4], ScalarType.Float64));
        foreach (var epsilon in new[] { 1e-5, 1e-2 })
        {
            var centred = MIForge.Numerics.Kernels.Centering.Right(k);
            var explicitInverse = centred.matmul(linalg.inv(centred + eye(12, dtype: ScalarType.Float64) * (epsilon * 12)));
            var solved = HsicEstimates.Resolvent(k, epsilon);
            Assert.True(solved.allclose(explicitInverse, rtol: 1e-9, atol: 1e-9));
        }
    }

    private static Tensor GaussianGram(Tensor x) => new GaussianKernel(1).Gram(x);

    [Theory]
    [InlineData(HsicEstimator.Biased)]
    [InlineData(HsicEstimator.Unbiased)]
    public void Independent_samples_are_near_zero_and_identical_ones_are_not(HsicEstimator estimator)
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var x = randn([200, 3], ScalarType.Float64);
        var y = randn([200, 3], ScalarType.Float64);
        var hsic = Measure(estimator, bandwidth: BandwidthRule.Median);
        var independent = Value(hsic, x, y);
        var identical = Value(hsic, x, x);
        Assert.True(identical > 0.01, $"HSIC(x, x) = {identical}");
        Assert.True(Math.Abs(independent) < 0.05 * identical, $"HSIC(x, y) = {independent} against HSIC(x, x) = {identical}");
    }

    [Fact]
    public void Normalized_cca_with_bidos_bandwidth_ranks_identical_above_dependent_above_independent()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var x = randn([64, 5], ScalarType.Float64);
        var hsic = Measure(HsicEstimator.NormalizedCca);
        var identical = Value(hsic, x, x);
        var dependent = Value(hsic, x, x * x);
        var independent = Value(hsic, x, randn([64, 5], ScalarType.Float64));
        Assert.True(identical > dependent && dependent > independent, $"identical {identical}, dependent {dependent}, independent {independent}");
    }

    [Fact]
    public void Normalized_cca_is_invariant_to_scaling()
    {
        using var scope = NewDisposeScope();
        var x = Expected.Of(Expected.X);
        var y = Expected.Of(Expected.Y);
        var median = Measure(HsicEstimator.NormalizedCca, bandwidth: BandwidthRule.Median);
        Assert.Equal(Value(median, x, y), Value(median, x * 7, y * 0.1), 1e-8);
        var linear = Measure(HsicEstimator.NormalizedCca, KernelKind.Linear, KernelKind.Linear);
        var reference = Value(linear, x, y);
        Assert.Equal(reference, Value(linear, x * 10, y * 3), 1e-3 * reference);
    }

    [Theory]
    [InlineData(HsicEstimator.Biased, KernelKind.Gaussian, KernelKind.Gaussian)]
    [InlineData(HsicEstimator.Unbiased, KernelKind.Imq, KernelKind.Linear)]
    [InlineData(HsicEstimator.NormalizedCca, KernelKind.Gaussian, KernelKind.Linear)]
    [InlineData(HsicEstimator.NormalizedCca, KernelKind.Gaussian, KernelKind.Gaussian)]
    public void Gradients_match_finite_differences(HsicEstimator estimator, KernelKind kx, KernelKind ky)
    {
        var hsic = new Hsic.Hsic(new HsicOptions { Estimator = estimator, KernelX = kx, KernelY = ky, SigmaX = 0.5, SigmaY = 0.5, Epsilon = 1e-2 });
        using var scope = NewDisposeScope();
        GradCheck.Assert(t => hsic.Measure(t[0], t[1]), Expected.Of(Expected.X), Expected.Of(Expected.Y));
    }

    [Theory]
    [InlineData(HsicEstimator.Biased)]
    [InlineData(HsicEstimator.Unbiased)]
    [InlineData(HsicEstimator.NormalizedCca)]
    public void Constant_features_give_zero_without_nan_gradients(HsicEstimator estimator)
    {
        using var scope = NewDisposeScope();
        var constant = full([6, 4], 0.7, ScalarType.Float64).requires_grad_();
        var y = Expected.Of(Expected.Y).requires_grad_();
        foreach (var bandwidth in new[] { BandwidthRule.Fixed, BandwidthRule.Median })
        {
            var value = Measure(estimator, bandwidth: bandwidth).Measure(constant, y);
            Assert.Equal(0, value.item<double>(), 1e-12);
            var grads = autograd.grad(new[] { value }, new[] { constant, y });
            Assert.All(grads, g => Assert.All(g!.data<double>().ToArray(), d => Assert.True(double.IsFinite(d))));
        }
    }

    [Fact]
    public void Too_few_rows_or_unpaired_rows_are_clear_errors()
    {
        using var scope = NewDisposeScope();
        var x = Expected.Of(Expected.X);
        var error = Assert.Throws<ArgumentException>(() => Measure(HsicEstimator.Unbiased).Measure(x.narrow(0, 0, 3), x.narrow(0, 0, 3)));
        Assert.Contains("at least 4", error.Message);
        Assert.Throws<ArgumentException>(() => Measure(HsicEstimator.Biased).Measure(x, x.narrow(0, 0, 5)));
    }

    [Fact]
    public void Images_are_flattened_and_any_batch_size_works()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var hsic = Measure(HsicEstimator.NormalizedCca);
        foreach (var m in new long[] { 2, 7, 64 })
        {
            var images = rand([m, 1, 4, 4]);
            using var flat = images.flatten(1);
            Assert.Equal(Value(hsic, flat, flat), Value(hsic, images, images), 1e-5);
        }
    }
}
