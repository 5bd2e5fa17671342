using MIForge.Abstractions;
using MIForge.Plugins.Ood.Scorers;
using MIForge.Plugins.Ood.Tests.Fakes;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Ood.Tests.Scorers;

/// <summary>ODIN, Mahalanobis, KNN, ViM and ReAct against Reference/ood_reference.py (numpy, same inputs).</summary>
public class FittedScorerTests
{
    private static double[] FitAndScore(IOodScorer scorer)
    {
        using var model = ScorerInputs.Model();
        using var train = ScorerInputs.TrainSet();
        using var images = ScorerInputs.Images(ScorerInputs.Test);
        scorer.Fit(model, train);
        using var s = scorer.Score(model, images);
        Assert.Equal([ScorerInputs.Test.Length], s.shape);
        using var asDouble = s.to(ScalarType.Float64);
        return asDouble.data<double>().ToArray();
    }

    [Fact]
    public void Odin_with_OpenOOD_defaults_matches_numpy() =>
        Close.Equal([0.3339448273, 0.3339762615, 0.3341957752, 0.3352060527, 0.3358466458], FitAndScore(new Odin(new OdinOptions())), 1e-6);

    [Fact]
    public void Odin_with_a_large_step_matches_numpy() =>
        Close.Equal([0.9189267200, 0.8604450803, 0.9591434915, 0.9997124257, 0.9999696916],
            FitAndScore(new Odin(new OdinOptions { Temperature = 1, Noise = 0.1 })));

    [Fact]
    public void Odin_perturbation_raises_the_tempered_msp()
    {
        var plain = FitAndScore(new Odin(new OdinOptions { Temperature = 1, Noise = 0 }));
        var perturbed = FitAndScore(new Odin(new OdinOptions { Temperature = 1, Noise = 0.1 }));
        Assert.All(plain.Zip(perturbed), p => Assert.True(p.Second > p.First));
    }

    [Fact]
    public void Mahalanobis_matches_numpy() =>
        Close.Equal([-3.2566556615, -1.7490700787, -32.6463827734, -29.5588432852, -53.4741611901], FitAndScore(new Mahalanobis()), 1e-4);

    [Fact]
    public void Knn_matches_numpy() =>
        Close.Equal([-0.7793531991, -0.9997856264, -1.2518351075, -1.2521361478, -1.4694473324], FitAndScore(new Knn(new KnnOptions { K = 3 })));

    [Fact]
    public void Vim_matches_numpy() =>
        Close.Equal([-0.5006661404, -0.0582289227, 0.2815701964, -0.1548972739, -1.5841108321], FitAndScore(new Vim(new VimOptions { Dim = 2 })), 1e-4);

    [Fact]
    public void Vim_default_principal_dimension_is_half_the_features() =>
        Close.Equal(FitAndScore(new Vim(new VimOptions { Dim = 2 })), FitAndScore(new Vim(new VimOptions())), 1e-9);

    [Fact]
    public void React_threshold_is_the_numpy_percentile_and_scores_match()
    {
        var react = new React(new ReactOptions());
        Close.Equal([2.8388325145, 3.3354074913, 4.2699612738, 4.0509749627, 6.1860492894], FitAndScore(react));
        Assert.Equal(2.095, react.Threshold, 5);
    }

    [Fact]
    public void React_at_the_100th_percentile_is_the_energy_score()
    {
        var energy = new Energy(new EnergyOptions());
        using var model = ScorerInputs.Model();
        using var images = ScorerInputs.Images(ScorerInputs.Test);
        using var expected = energy.Score(model, images).to(ScalarType.Float64);
        Close.Equal(expected.data<double>().ToArray(), FitAndScore(new React(new ReactOptions { Percentile = 100 })));
    }

    public static TheoryData<string> Fitted => new() { "mahalanobis", "knn", "vim", "react" };

    private static IOodScorer Create(string name) => name switch
    {
        "mahalanobis" => new Mahalanobis(),
        "knn" => new Knn(new KnnOptions { K = 3 }),
        "vim" => new Vim(new VimOptions { Dim = 2 }),
        _ => new React(new ReactOptions()),
    };

    [Theory]
    [MemberData(nameof(Fitted))]
    public void Scoring_before_fitting_fails_naming_the_scorer(string name)
    {
        using var model = ScorerInputs.Model();
        using var images = ScorerInputs.Images(ScorerInputs.Test);
        var e = Assert.Throws<InvalidOperationException>(() => Create(name).Score(model, images));
        Assert.Contains($"'{name}'", e.Message);
        Assert.Contains("Fit", e.Message);
    }

    [Theory]
    [MemberData(nameof(Fitted))]
    public void Fitting_and_scoring_leak_no_tensors(string name)
    {
        using var model = ScorerInputs.Model();
        using var train = ScorerInputs.TrainSet();
        using var images = ScorerInputs.Images(ScorerInputs.Test);
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var scorer = Create(name);
        scorer.Fit(model, train);
        scorer.Score(model, images).Dispose();
        ((IDisposable)scorer).Dispose();
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Knn_refuses_k_larger_than_the_training_set()
    {
        using var model = ScorerInputs.Model();
        using var train = ScorerInputs.TrainSet();
        Assert.Throws<ArgumentException>(() => new Knn(new KnnOptions { K = 13 }).Fit(model, train));
    }

    [Fact]
    public void Vim_refuses_a_principal_dimension_not_below_the_feature_dimension()
    {
        using var model = ScorerInputs.Model();
        using var train = ScorerInputs.TrainSet();
        Assert.Throws<ArgumentException>(() => new Vim(new VimOptions { Dim = 4 }).Fit(model, train));
    }
}
