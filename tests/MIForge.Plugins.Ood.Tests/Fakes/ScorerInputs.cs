using MIForge.Abstractions;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Ood.Tests.Fakes;

/// <summary>The small fixed inputs that Reference/ood_reference.py also uses (same literals):
/// 12 training features in 3 classes, 5 test features, a 3×4 linear head.</summary>
public static class ScorerInputs
{
    public static readonly double[][] Train =
    [
        [3.54, -2.56, 0.42, -0.57], [-0.45, 1.28, -2.02, -0.23], [-0.87, 3.32, 1.73, -0.35], [1.22, -0.67, -1.06, -0.39],
        [0.48, 1.26, 0.96, -0.20], [0.02, 1.55, 2.05, -0.51], [1.32, 0.54, 1.94, -0.27], [-0.24, 2.50, -0.89, -0.29],
        [0.88, 0.58, 1.59, 0.67], [-1.33, 1.02, -0.96, -1.67], [0.28, 2.20, -0.44, -1.08], [0.03, -0.05, 2.91, 0.75],
    ];

    public static readonly double[][] Test =
    [
        [0.25, 1.45, -0.27, -1.20], [0.76, 0.76, -0.28, -1.02], [0.30, -3.24, 0.90, 0.64], [-2.13, 0.08, -1.25, 0.98],
        [-2.64, -1.19, 0.92, 1.50],
    ];

    public static readonly double[][] Weight = [[-2.16, -0.50, 0.33, -0.61], [1.59, -1.19, 0.35, -1.05], [1.41, -0.02, -0.37, -1.72]];

    public static readonly double[] Bias = [0.50, 0.23, 0.23];

    /// <summary>Rows as images [N, 1, 1, d] float32.</summary>
    public static Tensor Images(double[][] rows) =>
        tensor(rows.SelectMany(r => r.Select(v => (float)v)).ToArray(), rows.Length, 1, 1, rows[0].Length);

    /// <summary>The training rows labelled i mod 3.</summary>
    public static ImageSet TrainSet() => new(Images(Train), tensor(Enumerable.Range(0, Train.Length).Select(i => (long)(i % 3)).ToArray()), 3);

    /// <summary>The classifier whose features are the input pixels and whose head is <see cref="Weight"/>, <see cref="Bias"/>.</summary>
    public static LinearClassifier Model() => new(Weight, Bias);

    /// <summary>logits = x·Wᵀ + b in plain doubles.</summary>
    public static double[] Logits(double[] x) =>
        Weight.Select((w, c) => Bias[c] + w.Zip(x, (a, b) => a * b).Sum()).ToArray();
}
