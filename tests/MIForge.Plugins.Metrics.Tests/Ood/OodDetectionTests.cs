using MIForge.Abstractions;
using MIForge.Plugins.Metrics.Ood;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Metrics.Tests.Ood;

/// <summary>AUROC, AUPR-In, AUPR-Out and FPR@95TPR with OpenOOD's conventions (OOD positive, low score = OOD).</summary>
public class OodDetectionTests
{
    private static readonly double[] Id = [.9, .8, .7, .6, .5];
    private static readonly double[] Ood = [.65, .4, .3, .2, .1];

    [Fact]
    public void The_issue_example_gives_auroc_092_and_fpr95_040()
    {
        var m = OodDetection.Compute(Id, Ood);
        Assert.Equal(0.92, m["auroc"], 12);
        Assert.Equal(0.40, m["fpr95"], 12);
    }

    [Fact]
    public void The_issue_example_aupr_values_match_the_hand_computed_trapezoids()
    {
        // AUPR-In, ID positive by descending score: recall .2,.4,.6 at precision 1; (.6, 3/4); (.8, 4/5); (1, 5/6); then
        // recall stays 1. From (0, 1): .6·1 + .2·(3/4 + 4/5)/2 + .2·(4/5 + 5/6)/2.
        var auprIn = 0.6 + 0.2 * (0.75 + 0.8) / 2 + 0.2 * (0.8 + 5.0 / 6) / 2;
        // AUPR-Out, OOD positive by ascending score: recall .2..,.8 at precision 1; (.8, 4/5); (.8, 4/6); (1, 5/7).
        var auprOut = 0.8 + 0.2 * (4.0 / 6 + 5.0 / 7) / 2;
        var m = OodDetection.Compute(Id, Ood);
        Assert.Equal(auprIn, m["aupr_in"], 12);
        Assert.Equal(auprOut, m["aupr_out"], 12);
    }

    [Fact]
    public void Perfect_separation_gives_auroc_1_and_fpr_0()
    {
        var m = OodDetection.Compute([3, 4, 5], [0, 1, 2]);
        Assert.Equal(1, m["auroc"]);
        Assert.Equal(0, m["fpr95"]);
        Assert.Equal(1, m["aupr_in"]);
        Assert.Equal(1, m["aupr_out"]);
    }

    [Fact]
    public void Fully_tied_scores_give_auroc_one_half_and_fpr_1()
    {
        var m = OodDetection.Compute([.5, .5, .5], [.5, .5]);
        Assert.Equal(0.5, m["auroc"], 12);
        Assert.Equal(1, m["fpr95"]);
        Assert.Equal(0.5 * (1 + 3.0 / 5), m["aupr_in"], 12);
    }

    [Fact]
    public void A_tie_between_an_id_and_an_ood_score_counts_one_half()
    {
        // pairs: (.9 vs .5) 1, (.9 vs .2) 1, (.5 vs .5) ½, (.5 vs .2) 1 → 3.5 / 4.
        Assert.Equal(0.875, OodDetection.Compute([.9, .5], [.5, .2])["auroc"], 12);
    }

    [Fact]
    public void Random_scores_with_ties_match_brute_force_definitions()
    {
        var random = new Random(5);
        for (var trial = 0; trial < 50; trial++)
        {
            var id = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Math.Round(random.NextDouble() + 0.3, 1)).ToArray();
            var ood = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Math.Round(random.NextDouble(), 1)).ToArray();
            var level = new[] { 0.95, 0.9, 0.5, 1.0 }[trial % 4];
            var m = OodDetection.Compute(id, ood, level);
            Assert.Equal(BruteForce.MannWhitney(id, ood), m["auroc"], 12);
            Assert.Equal(BruteForce.FprAtTpr(id, ood, level), m[OodDetection.FprName(level)], 12);
            Assert.Equal(BruteForce.Aupr(id, ood), m["aupr_in"], 12);
            Assert.Equal(BruteForce.Aupr(ood.Select(s => -s).ToArray(), id.Select(s => -s).ToArray()), m["aupr_out"], 12);
        }
    }

    [Theory]
    [InlineData(0.95, "fpr95")]
    [InlineData(0.9, "fpr90")]
    [InlineData(0.995, "fpr99.5")]
    public void The_fpr_name_says_its_tpr_level(double level, string name) => Assert.Equal(name, OodDetection.FprName(level));

    [Fact]
    public void The_plugin_reads_the_scores_from_the_metric_context()
    {
        using var scores = new OodScores(tensor(Id.Select(v => (float)v).ToArray()), tensor(Ood.Select(v => (float)v).ToArray()));
        var metric = new OodDetection(new OodDetectionOptions());
        Assert.Equal(MetricInputs.OodScores, metric.Requires);
        var m = metric.Compute(new MetricContext { OodScores = scores });
        Assert.Equal(["auroc", "aupr_in", "aupr_out", "fpr95"], m.Keys);
        Assert.Equal(0.92, m["auroc"], 6);
        Assert.Equal(0.40, m["fpr95"], 6);
    }

    [Fact]
    public void Empty_or_nan_scores_are_refused()
    {
        Assert.Throws<ArgumentException>(() => OodDetection.Compute([], [.1]));
        Assert.Throws<ArgumentException>(() => OodDetection.Compute([.3], [double.NaN]));
    }
}
