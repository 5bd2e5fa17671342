using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Dependency.Tests.Reference;

/// <summary>The fixed inputs and the values dependency_reference.py computes from the formulas in
/// float64 numpy (explicit H, explicit inverse), independently of the code under test.</summary>
internal static class Expected
{
    public static readonly double[,] X =
    {
        { 0.3, -1.2, 0.5 }, { 1.1, 0.4, -0.7 }, { -0.6, 0.9, 1.3 },
        { 0.2, -0.3, -1.1 }, { 1.5, 1.0, 0.1 }, { -1.0, -0.8, 0.6 },
    };

    public static readonly double[,] Y =
    {
        { 0.7, -0.2 }, { 1.9, 0.3 }, { -0.4, 1.6 }, { 0.1, -1.0 }, { 2.2, 0.8 }, { -1.3, 0.2 },
    };

    public static readonly long[] Labels = [0, 1, 2, 0, 1, 2];

    public const double GaussianBiased = 0.0006937479043636419;
    public const double GaussianUnbiased = 0.00045405296185979042;
    public const double GaussianNormalizedCca = 4.1243248901673528;
    public const double GaussianLinearNormalizedCca = 1.914964857888283;
    public const double GaussianCoco = 0.020299948386987867;
    public const double GaussianLinearCoco = 0.072672128889171378;
    public const double ImqLinearBiased = 0.11474424908779152;
    public const double LinearUnbiased = 1.8826205555555555;
    public const double MedianBiased = 0.052695863073241055;
    public const double DistanceCorrelation = 0.89319553068334712;

    /// <summary>A [rows, cols] float64 tensor of a 2-D array.</summary>
    public static Tensor Of(double[,] values) =>
        tensor(values.Cast<double>().ToArray(), values.GetLength(0), values.GetLength(1));

    /// <summary>The labels one-hot, [6, 3] float64.</summary>
    public static Tensor OneHot()
    {
        using var labels = tensor(Labels);
        using var hot = nn.functional.one_hot(labels, 3);
        return hot.to(ScalarType.Float64);
    }
}
