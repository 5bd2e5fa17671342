using MIForge.Plugins.Ood.Scorers;
using MIForge.Plugins.Ood.Tests.Fakes;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Ood.Tests.Scorers;

/// <summary>MSP, MaxLogit, Energy and GEN against their definitions computed in plain doubles.</summary>
public class LogitScorerTests
{
    private static double[] Scores(MIForge.Abstractions.IOodScorer scorer)
    {
        using var model = ScorerInputs.Model();
        using var images = ScorerInputs.Images(ScorerInputs.Test);
        using var s = scorer.Score(model, images);
        Assert.Equal([ScorerInputs.Test.Length], s.shape);
        using var asDouble = s.to(ScalarType.Float64);
        return asDouble.data<double>().ToArray();
    }

    private static double[] Softmax(double[] z, double t = 1)
    {
        var m = z.Max();
        var e = z.Select(v => Math.Exp((v - m) / t)).ToArray();
        return e.Select(v => v / e.Sum()).ToArray();
    }

    private static double[] Each(Func<double[], double> score) => ScorerInputs.Test.Select(x => score(ScorerInputs.Logits(x))).ToArray();

    [Fact]
    public void Msp_is_the_largest_softmax_probability() =>
        Close.Equal(Each(z => Softmax(z).Max()), Scores(new Msp()));

    [Fact]
    public void MaxLogit_is_the_largest_logit() =>
        Close.Equal(Each(z => z.Max()), Scores(new MaxLogit()));

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.5)]
    public void Energy_is_T_log_sum_exp_of_logits_over_T(double t) =>
        Close.Equal(Each(z => t * Math.Log(z.Sum(v => Math.Exp(v / t)))), Scores(new Energy(new EnergyOptions { Temperature = t })));

    [Theory]
    [InlineData(0.1, 100)]
    [InlineData(0.5, 2)]
    public void Gen_is_minus_the_generalized_entropy_of_the_top_M_probabilities(double gamma, int m) =>
        Close.Equal(
            Each(z => -Softmax(z).OrderByDescending(p => p).Take(m).Sum(p => Math.Pow(p, gamma) * Math.Pow(1 - p, gamma))),
            Scores(new Gen(new GenOptions { Gamma = gamma, M = m })));

    [Fact]
    public void Scoring_leaks_no_tensors()
    {
        using var model = ScorerInputs.Model();
        using var images = ScorerInputs.Images(ScorerInputs.Test);
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        foreach (var scorer in new MIForge.Abstractions.IOodScorer[] { new Msp(), new MaxLogit(), new Energy(new()), new Gen(new()) })
            scorer.Score(model, images).Dispose();
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
