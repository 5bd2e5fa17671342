using MIForge.Abstractions;
using MIForge.Plugins.Metrics.Attack;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Metrics.Tests.Attack;

public sealed class AttackMetricTests
{
    private static readonly ImageShape Tiny = new(1, 1, 3);

    /// <summary>7 evaluator classes scored by pixel sums with distinct weights: class k's score is w_k · x.</summary>
    private static FeatureEvaluator Evaluator()
    {
        var w = new float[7, 3];
        for (var k = 0; k < 7; k++) { w[k, 0] = k; w[k, 1] = -k * k / 6f; w[k, 2] = (k % 3) - 1; }
        return new FeatureEvaluator(Tiny, w);
    }

    private static Reconstructions Recs(float[][] pixels, long[] classes) =>
        new(tensor(pixels.SelectMany(p => p).ToArray(), pixels.Length, 1, 1, 3), tensor(classes));

    private static ImageSet Private(float[][] pixels, long[] labels) =>
        new(tensor(pixels.SelectMany(p => p).ToArray(), pixels.Length, 1, 1, 3), tensor(labels), 2);

    [Fact]
    public void AccuracyMatchesArgmaxAndTopFiveByHand()
    {
        using var evaluator = Evaluator();
        var rng = new Random(3);
        var pixels = Enumerable.Range(0, 20).Select(_ => Enumerable.Range(0, 3).Select(_ => (float)rng.NextDouble()).ToArray()).ToArray();
        var classes = Enumerable.Range(0, 20).Select(i => (long)(i % 2)).ToArray();
        int[] map = [4, 6];
        using var recs = Recs(pixels, classes);

        var values = new AttackAccuracy().Compute(new MetricContext { Evaluator = evaluator, EvaluatorClassOfTarget = map, Reconstructions = recs });

        double top1 = 0, top5 = 0, outside = 0;
        var per1 = new double[2];
        for (var i = 0; i < 20; i++)
        {
            var scores = Enumerable.Range(0, 7).Select(k => (double)(k * pixels[i][0] - k * k / 6f * pixels[i][1] + ((k % 3) - 1) * pixels[i][2])).ToArray();
            var order = Enumerable.Range(0, 7).OrderByDescending(k => scores[k]).ToArray();
            var want = map[classes[i]];
            if (order[0] == want) { top1++; per1[classes[i]]++; }
            if (order.Take(5).Contains(want)) top5++;
            if (!map.Contains(order[0])) outside++;
        }
        Assert.InRange(outside, 1, 19);
        Assert.Equal(outside / 20, values["top1_outside_private"], 12);
        Assert.Equal(top1 / 20, values["acc_top1"], 12);
        var (low, high) = MIForge.Numerics.Statistics.WilsonInterval.Of((long)top1, 20);
        Assert.Equal(low, values["acc_top1_ci95_low"], 12);
        Assert.Equal(high, values["acc_top1_ci95_high"], 12);
        Assert.True(low < top1 / 20 && top1 / 20 < high);
        Assert.Equal(top5 / 20, values["acc_top5"], 12);
        Assert.Equal(per1[0] / 10, values["acc_top1_class_0"], 12);
        Assert.Equal(per1[1] / 10, values["acc_top1_class_1"], 12);
        Assert.Contains("acc_top5_class_1", values.Keys);
        Assert.All(values.Keys, k => Assert.Equal(k.ToLowerInvariant(), k));
    }

    [Fact]
    public void KnnDistanceIsTheBruteForceMinimumOverTheSameClass()
    {
        using var evaluator = Evaluator();
        var rng = new Random(5);
        float[] P() => Enumerable.Range(0, 3).Select(_ => (float)rng.NextDouble()).ToArray();
        var recPixels = Enumerable.Range(0, 6).Select(_ => P()).ToArray();
        long[] recClasses = [0, 1, 0, 1, 1, 0];
        var privPixels = Enumerable.Range(0, 9).Select(_ => P()).ToArray();
        long[] privLabels = [0, 0, 1, 1, 1, 0, 1, 0, 0];
        using var recs = Recs(recPixels, recClasses);
        using var priv = Private(privPixels, privLabels);

        var values = new KnnDistance().Compute(new MetricContext { Evaluator = evaluator, EvaluatorClassOfTarget = [0, 1], Reconstructions = recs, PrivateData = priv });

        double Nearest(int i) => Enumerable.Range(0, 9).Where(j => privLabels[j] == recClasses[i])
            .Min(j => Enumerable.Range(0, 3).Sum(d => Math.Pow(recPixels[i][d] - privPixels[j][d], 2)));
        var all = Enumerable.Range(0, 6).Select(Nearest).ToArray();
        Assert.Equal(all.Average(), values["knn_dist"], 5);
        Assert.Equal(new[] { 0, 2, 5 }.Average(i => all[i]), values["knn_dist_class_0"], 5);
        Assert.Equal(new[] { 1, 3, 4 }.Average(i => all[i]), values["knn_dist_class_1"], 5);
    }

    [Fact]
    public void FidOfIdenticalSetsIsZero()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var a = randn(200, 4);
        Assert.Equal(0, FrechetDistance.Between(a, a.clone()), 6);
    }

    [Fact]
    public void FidOfShiftedAndScaledCopiesHasTheClosedForm()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var a = randn(300, 5).matmul(randn(5, 5)) + 0.5;
        var shift = tensor(new[] { 1f, -2f, 0.5f, 0f, 3f });
        Assert.Equal(1 + 4 + 0.25 + 9, FrechetDistance.Between(a, a + shift.unsqueeze(0)), 3);

        // b = s·a: ‖(1−s)μ‖² + (1−s)²·tr Σ
        const double s = 2.5;
        var mu = a.to(ScalarType.Float64).mean([0L]);
        var centred = a.to(ScalarType.Float64) - mu.unsqueeze(0);
        var traceCov = centred.pow(2).sum().item<double>() / (300 - 1);
        var expected = (1 - s) * (1 - s) * (mu.pow(2).sum().item<double>() + traceCov);
        Assert.Equal(expected, FrechetDistance.Between(a, a * s), 2);
    }

    [Fact]
    public void FidOfIndependentGaussiansApproachesTheirDistance()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        // N(0, I) vs N(m, 4I) in 3-d: ‖m‖² + 3 + 12 − 2·3·2 = ‖m‖² + 3.
        var a = randn(20000, 3);
        var b = randn(20000, 3) * 2 + 1;
        Assert.Equal(3 + 3, FrechetDistance.Between(a, b), 0);
    }

    [Fact]
    public void EvaluatorFidUsesPrivateImagesOfTheReconstructedClassesOnly()
    {
        using var evaluator = Evaluator();
        float[][] priv = [[0, 0, 0], [1, 1, 1], [0, 1, 0], [5, 5, 5], [9, 9, 9]];
        long[] labels = [0, 0, 0, 1, 1];
        using var privateSet = Private(priv, labels);
        using var recs = Recs(priv.Take(3).ToArray(), [0, 0, 0]);
        var values = new EvaluatorFid().Compute(new MetricContext { Evaluator = evaluator, EvaluatorClassOfTarget = [0, 1], Reconstructions = recs, PrivateData = privateSet });
        Assert.Equal(0, values["evaluator_fid"], 6);
    }
}
