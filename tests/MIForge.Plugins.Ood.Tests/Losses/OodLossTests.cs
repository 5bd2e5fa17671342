using MIForge.Abstractions;
using MIForge.Plugins.Ood.Losses;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Ood.Tests.Losses;

/// <summary>Outlier exposure and energy margin against values worked out by hand.</summary>
public class OodLossTests
{
    private static readonly double[][] InLogits = [[4.0, 0.0, -1.0], [0.5, 3.0, 0.0]];
    private static readonly double[][] OutLogits = [[0.2, 0.1, 0.0], [2.0, -2.0, 1.0], [1.0, 1.0, 1.0]];

    private static ClassifierOutput Output(double[][] rows, bool grad = false)
    {
        var logits = tensor(rows.SelectMany(r => r).ToArray(), rows.Length, rows[0].Length);
        if (grad) logits.requires_grad = true;
        return new ClassifierOutput(logits, logits, []);
    }

    private static double Lse(double[] z) => Math.Log(z.Sum(Math.Exp));

    [Fact]
    public void Outlier_exposure_is_lambda_times_the_cross_entropy_to_uniform()
    {
        using var id = Output(InLogits);
        using var ood = Output(OutLogits, grad: true);
        using var loss = new OutlierExposure(new OutlierExposureOptions { Weight = 0.5 }).Loss(id, ood);
        var expected = 0.5 * OutLogits.Average(z => -z.Average(v => v - Lse(z)));
        Assert.Equal(expected, loss.item<double>(), 10);
        Assert.True(loss.requires_grad);
    }

    [Fact]
    public void Outlier_exposure_vanishes_on_uniform_outputs()
    {
        using var id = Output(InLogits);
        using var ood = Output([[1.0, 1.0, 1.0]]);
        using var loss = new OutlierExposure(new()).Loss(id, ood);
        Assert.Equal(Math.Log(3) * 0.5, loss.item<double>(), 10);
    }

    [Fact]
    public void Energy_margin_with_given_margins_matches_the_formula()
    {
        using var id = Output(InLogits, grad: true);
        using var ood = Output(OutLogits, grad: true);
        var options = new EnergyMarginOptions { InMargin = -3.5, OutMargin = -1.0 };
        using var loss = new EnergyMargin(options).Loss(id, ood);
        static double Sq(double v) => v > 0 ? v * v : 0;
        var inTerm = InLogits.Average(z => Sq(-Lse(z) - -3.5));
        var outTerm = OutLogits.Average(z => Sq(-1.0 - -Lse(z)));
        Assert.True(inTerm > 0 && outTerm > 0, "both hinges should be active on these inputs");
        Assert.Equal(0.1 * (inTerm + outTerm), loss.item<double>(), 10);
        Assert.True(loss.requires_grad);
    }

    [Fact]
    public void Energy_margin_is_zero_when_energies_are_on_the_right_side()
    {
        using var id = Output(InLogits);
        using var ood = Output(OutLogits);
        using var loss = new EnergyMargin(new EnergyMarginOptions { InMargin = 0, OutMargin = -10 }).Loss(id, ood);
        Assert.Equal(0, loss.item<double>());
    }

    [Fact]
    public void Energy_margin_measures_margins_as_mean_energies_weighted_by_batch_size()
    {
        var loss = new EnergyMargin(new EnergyMarginOptions());
        using (var id = Output(InLogits))
        using (var ood = Output(OutLogits))
            loss.Observe(id, ood);
        using (var id = Output([InLogits[0]]))
        using (var ood = Output([OutLogits[0]]))
            loss.Observe(id, ood);
        var ins = InLogits.Append(InLogits[0]).Select(z => -Lse(z));
        var outs = OutLogits.Append(OutLogits[0]).Select(z => -Lse(z));
        Assert.Equal(ins.Average(), loss.InMargin, 10);
        Assert.Equal(outs.Average(), loss.OutMargin, 10);
    }

    [Fact]
    public void Energy_margin_without_margins_or_observations_says_what_is_missing()
    {
        using var id = Output(InLogits);
        using var ood = Output(OutLogits);
        var e = Assert.Throws<InvalidOperationException>(() => new EnergyMargin(new()).Loss(id, ood));
        Assert.Contains("inMargin", e.Message);
    }

    [Fact]
    public void A_given_margin_wins_over_a_measured_one()
    {
        var loss = new EnergyMargin(new EnergyMarginOptions { InMargin = -7 });
        using var id = Output(InLogits);
        using var ood = Output(OutLogits);
        loss.Observe(id, ood);
        Assert.Equal(-7, loss.InMargin);
        Assert.Equal(OutLogits.Average(z => -Lse(z)), loss.OutMargin, 10);
    }
}
