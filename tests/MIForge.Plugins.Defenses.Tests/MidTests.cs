using MIForge.Abstractions;
using MIForge.Plugins.Defenses.Mid;
using MIForge.Plugins.Defenses.Tests.Fakes;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Defenses.Tests;

/// <summary>The MID defense: a stochastic bottleneck wrapped around the classifier and CE + β·KL.</summary>
public class MidTests
{
    private static IClassifier Prepared(double beta, out Mid.Mid defense)
    {
        manual_seed(4);
        defense = new Mid.Mid(new MidOptions { Beta = beta });
        return defense.Prepare(new TinyNet());
    }

    [Fact]
    public void The_bottleneck_is_stochastic_in_training_and_deterministic_in_evaluation()
    {
        using var scope = NewDisposeScope();
        var model = Prepared(0.01, out _);
        var (x, _) = TinyNet.Batch();
        var a = model.Forward(x);
        Assert.Equal(new long[] { 12, 3 }, a.Logits.shape);
        Assert.Equal(new long[] { 12, 3 }, a.Features.shape);
        Assert.Equal(["h1", "h2"], a.Hidden.Select(h => h.Key));
        Assert.False(a.Logits.allclose(model.Forward(x).Logits));
        model.Module.eval();
        Assert.True(model.Forward(x).Logits.allclose(model.Forward(x).Logits));
        Assert.Contains(model.Module.named_parameters(), p => p.name == "st_layer.weight");
        Assert.Contains(model.Module.named_parameters(), p => p.name == "backbone.h1.weight");
    }

    [Fact]
    public void The_state_dict_keeps_the_checkpoint_names_once_each()
    {
        using var scope = NewDisposeScope();
        var model = Prepared(0.01, out _);
        Assert.Equal(
            ["backbone.h1.weight", "backbone.h1.bias", "backbone.h2.weight", "backbone.h2.bias", "backbone.fc.weight", "backbone.fc.bias",
             "st_layer.weight", "st_layer.bias", "fc_layer.weight", "fc_layer.bias"],
            model.Module.state_dict().Keys);
    }

    [Fact]
    public void The_loss_is_cross_entropy_plus_beta_times_the_gaussian_kl()
    {
        using var scope = NewDisposeScope();
        var model = Prepared(0.5, out var defense);
        var (x, y) = TinyNet.Batch();
        var batch = new TinyNet().Step(model, x, y);
        var result = defense.Loss(batch);

        // KL by hand from the backbone's features and the st_layer parameters, in doubles.
        var features = batch.Output.Hidden[1].Value.data<float>().ToArray();
        var weight = model.Module.named_parameters().First(p => p.name == "st_layer.weight").parameter.data<float>().ToArray();
        var bias = model.Module.named_parameters().First(p => p.name == "st_layer.bias").parameter.data<float>().ToArray();
        double kl = 0;
        for (var i = 0; i < 12; i++)
            for (var j = 0; j < 3; j++)
            {
                double Row(int r) => bias[r] + Enumerable.Range(0, 6).Sum(c => (double)weight[r * 6 + c] * features[i * 6 + c]);
                var mu = Row(j);
                var sigma = Math.Log(1 + Math.Exp(Row(j + 3) - 5));
                kl += -0.5 * (1 + 2 * Math.Log(sigma) - mu * mu - sigma * sigma);
            }
        kl /= 12;
        Assert.Equal(kl, result.Terms["kl"], 1e-3 * kl);
        Assert.Equal(batch.CrossEntropy.ToDouble() + 0.5 * result.Terms["kl"], result.Loss.ToDouble(), 1e-4);
    }

    [Fact]
    public void Gradients_reach_the_bottleneck_and_the_backbone()
    {
        using var scope = NewDisposeScope();
        var model = Prepared(0.1, out var defense);
        var (x, y) = TinyNet.Batch();
        var loss = defense.Loss(new TinyNet().Step(model, x, y)).Loss;
        var named = model.Module.named_parameters().Where(p => p.name is "st_layer.weight" or "fc_layer.weight" or "backbone.h1.weight").ToArray();
        var grads = autograd.grad(new[] { loss }, named.Select(p => (Tensor)p.parameter).ToArray());
        Assert.All(grads, g => Assert.True(g!.abs().sum().ToDouble() > 0));
    }

    [Fact]
    public void A_model_it_did_not_prepare_is_a_clear_error()
    {
        using var scope = NewDisposeScope();
        var net = new TinyNet();
        var (x, y) = TinyNet.Batch();
        var error = Assert.Throws<InvalidOperationException>(() => new Mid.Mid(new MidOptions()).Loss(net.Step(net, x, y)));
        Assert.Contains("Prepare", error.Message);
    }
}
