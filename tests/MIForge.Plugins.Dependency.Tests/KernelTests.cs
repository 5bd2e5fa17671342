using MIForge.Numerics.Kernels;
using MIForge.Plugins.Dependency.Tests.Reference;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Dependency.Tests;

/// <summary>The shared kernels and centering (src/Numerics/Kernels) against plain double loops.</summary>
public class KernelTests
{
    private static double SquaredDistance(double[,] a, int i, int j)
    {
        double s = 0;
        for (var c = 0; c < a.GetLength(1); c++) s += (a[i, c] - a[j, c]) * (a[i, c] - a[j, c]);
        return s;
    }

    private static void AssertGram(Tensor gram, Func<int, int, double> expected)
    {
        var values = gram.data<double>().ToArray();
        var m = (int)gram.size(0);
        for (var i = 0; i < m; i++)
            for (var j = 0; j < m; j++)
                Assert.Equal(expected(i, j), values[i * m + j], 1e-12);
    }

    [Fact]
    public void Gaussian_scales_the_bandwidth_by_the_dimension_unless_told_not_to()
    {
        using var scope = NewDisposeScope();
        var x = Expected.Of(Expected.X);
        AssertGram(new GaussianKernel(5).Gram(x), (i, j) => Math.Exp(-SquaredDistance(Expected.X, i, j) / (2 * 25.0 * 3)));
        AssertGram(new GaussianKernel(0.8, scaleByDimension: false).Gram(x), (i, j) => Math.Exp(-SquaredDistance(Expected.X, i, j) / (2 * 0.64)));
    }

    [Fact]
    public void Linear_and_imq_match_their_formulas()
    {
        using var scope = NewDisposeScope();
        var x = Expected.Of(Expected.X);
        AssertGram(new LinearKernel().Gram(x), (i, j) => Enumerable.Range(0, 3).Sum(c => Expected.X[i, c] * Expected.X[j, c]));
        AssertGram(new InverseMultiquadricKernel(2).Gram(x), (i, j) => 1 / Math.Sqrt(SquaredDistance(Expected.X, i, j) + 4));
    }

    [Fact]
    public void Median_heuristic_is_the_median_pairwise_distance()
    {
        using var scope = NewDisposeScope();
        var distances = new List<double>();
        for (var i = 0; i < 6; i++)
            for (var j = i + 1; j < 6; j++) distances.Add(Math.Sqrt(SquaredDistance(Expected.X, i, j)));
        distances.Sort();
        var median = (distances[7] + distances[7]) / 2;
        Assert.Equal(median, MedianHeuristic.Bandwidth(Expected.Of(Expected.X)), 1e-12);
        Assert.Equal(1.0, MedianHeuristic.Bandwidth(zeros([5, 2])));
    }

    [Fact]
    public void Centering_equals_products_with_the_centering_matrix()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var k = randn([7, 7], ScalarType.Float64);
        var h = Centering.Matrix(7, ScalarType.Float64);
        Assert.True(Centering.Right(k).allclose(k.matmul(h), atol: 1e-12));
        Assert.True(Centering.Double(k).allclose(h.matmul(k).matmul(h), atol: 1e-12));
    }
}
