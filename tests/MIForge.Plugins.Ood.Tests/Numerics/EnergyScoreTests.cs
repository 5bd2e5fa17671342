using MIForge.Numerics;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Ood.Tests.Numerics;

/// <summary>The shared energy function: −T·log Σ exp(f/T), stable and differentiable.</summary>
public class EnergyScoreTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(10.0)]
    public void Energy_matches_the_definition(double t)
    {
        double[][] rows = [[1.0, 2.0, 3.0], [-1.0, 0.0, 0.5]];
        using var logits = tensor(rows.SelectMany(r => r).ToArray(), 2, 3);
        using var e = EnergyScore.Energy(logits, t);
        var expected = rows.Select(z => -t * Math.Log(z.Sum(v => Math.Exp(v / t)))).ToArray();
        Assert.Equal(expected, e.data<double>().ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Energy_is_stable_for_large_logits()
    {
        using var logits = tensor(new[] { 1000.0, 1000.0 }, 1, 2);
        using var e = EnergyScore.Energy(logits);
        Assert.Equal(-1000 - Math.Log(2), e.item<double>(), 9);
    }

    [Fact]
    public void Energy_gradient_is_minus_the_softmax()
    {
        using var logits = tensor(new[] { 1.0, 2.0, 3.0 }, 1, 3);
        logits.requires_grad = true;
        using var e = EnergyScore.Energy(logits).sum();
        var g = autograd.grad([e], [logits])[0]!;
        using var p = logits.detach().softmax(1);
        Assert.True(g.allclose(-p));
    }

    [Fact]
    public void A_non_positive_temperature_is_refused()
    {
        using var logits = zeros(1, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => EnergyScore.Energy(logits, 0));
    }
}
