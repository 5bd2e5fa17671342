using MIForge.Plugins.Defenses.LabelSmoothing;
using MIForge.Plugins.Defenses.Plain;
using MIForge.Plugins.Defenses.Tests.Fakes;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Defenses.Tests;

/// <summary>Label smoothing with positive and negative factors, and the plain-CE defense.</summary>
public class LabelSmoothingTests
{
    private static readonly double[,] Logits = { { 2.0, -1.0, 0.5 }, { 0.1, 0.2, 0.3 }, { -2.0, 1.5, 3.0 } };
    private static readonly long[] Labels = [0, 2, 1];

    /// <summary>−mean Σ_k t_k log softmax_k with t = (1−α)·onehot + α/C, in plain doubles.</summary>
    private static double Reference(double factor)
    {
        double total = 0;
        for (var i = 0; i < 3; i++)
        {
            var logSum = Math.Log(Enumerable.Range(0, 3).Sum(k => Math.Exp(Logits[i, k])));
            for (var k = 0; k < 3; k++)
                total -= ((k == Labels[i] ? 1 - factor : 0) + factor / 3) * (Logits[i, k] - logSum);
        }
        return total / 3;
    }

    private static MIForge.Abstractions.DefenseBatch Batch(int epoch = 0)
    {
        var logits = tensor(Logits.Cast<double>().ToArray(), 3, 3);
        var labels = tensor(Labels);
        var output = new MIForge.Abstractions.ClassifierOutput(logits, logits, []);
        return new(zeros(3, 1, 4, 4), labels, 3, new TinyNet(), output, nn.functional.cross_entropy(logits, labels), null, epoch, 10);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(-0.05)]
    [InlineData(-0.3)]
    public void Matches_the_smoothed_cross_entropy_formula(double factor)
    {
        using var scope = NewDisposeScope();
        var result = new LabelSmoothing.LabelSmoothing(new LabelSmoothingOptions { Factor = factor }).Loss(Batch());
        Assert.Equal(Reference(factor), result.Loss.ToDouble(), 1e-12);
        Assert.Equal(Reference(0), result.Terms["ce"], 1e-12);
        Assert.Equal(factor, result.Terms["factor"]);
    }

    [Fact]
    public void Positive_factors_agree_with_torchs_label_smoothing_and_negative_ones_sharpen()
    {
        using var scope = NewDisposeScope();
        var batch = Batch();
        var torchSmoothed = nn.functional.cross_entropy(batch.Output.Logits, batch.Labels, label_smoothing: 0.2).ToDouble();
        Assert.Equal(torchSmoothed, new LabelSmoothing.LabelSmoothing(new LabelSmoothingOptions { Factor = 0.2 }).Loss(batch).Loss.ToDouble(), 1e-12);
        Assert.True(Reference(-0.1) < Reference(0), "a negative factor rewards confident logits below plain CE");
    }

    [Fact]
    public void The_factor_ramps_linearly_over_the_ramp_epochs()
    {
        var smoothing = new LabelSmoothing.LabelSmoothing(new LabelSmoothingOptions { Factor = -0.08, RampEpochs = 4 });
        Assert.Equal([-0.02, -0.04, -0.06, -0.08, -0.08], Enumerable.Range(0, 5).Select(e => Math.Round(smoothing.FactorAt(e), 12)));
        using var scope = NewDisposeScope();
        Assert.Equal(Reference(-0.04), smoothing.Loss(Batch(epoch: 1)).Loss.ToDouble(), 1e-12);
    }

    [Fact]
    public void No_defense_is_the_cross_entropy()
    {
        using var scope = NewDisposeScope();
        var batch = Batch();
        var result = new NoDefense().Loss(batch);
        Assert.Same(batch.CrossEntropy, result.Loss);
        Assert.Equal(Reference(0), result.Terms["ce"], 1e-12);
    }
}
