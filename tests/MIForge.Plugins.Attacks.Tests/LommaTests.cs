using MIForge.Abstractions;
using MIForge.Plugins.Attacks.Gmi;
using MIForge.Plugins.Attacks.Lomma;
using MIForge.Plugins.Attacks.Tests.Fixtures;
using MIForge.Plugins.Tests.Fixtures;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Attacks.Tests;

public sealed class LommaTests
{
    [Fact]
    public void DistillationBringsTheSurrogateCloseToTheTarget()
    {
        using var world = new AttackWorld();
        using var student = new TinyClassifier(AttackWorld.Shape, 3, 8);
        double Disagreement()
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            var p = world.Classifier.Forward(world.Public.Images).Logits.softmax(1);
            var q = student.Forward(world.Public.Images).Logits.log_softmax(1);
            return nn.functional.kl_div(q, p, log_target: false, reduction: nn.Reduction.Sum).item<float>() / world.Public.Count;
        }
        var before = Disagreement();
        SurrogateDistillation.Run(world.Classifier, student, world.Public.Images, new LommaOptions { DistillEpochs = 15, DistillBatchSize = 12, DistillLearningRate = 0.05 },
            world.Run.Random, world.Progress, "distil", CancellationToken.None);
        var after = Disagreement();
        Assert.True(after < before / 2, $"KL {before:F3} → {after:F3}");
        Assert.False(student.training);
    }

    [Fact]
    public void GmiWithLogitLossAndASurrogateRaisesConfidence()
    {
        using var world = new AttackWorld();
        var factory = new TestFactory(world.Run, world.Progress);
        var options = new GmiOptions
        {
            Iterations = 40, Restarts = 1,
            Lomma = new LommaOptions { LogitLoss = true, Surrogates = [new PluginRef<IModelArchitecture>("tiny")], DistillEpochs = 10, DistillBatchSize = 12, DistillLearningRate = 0.05 },
        };
        using var result = new GmiAttack(options, world.Run, world.Progress, factory).Invert(world.Request(perClass: 3));
        Assert.Equal(1, factory.Architecture.Created);
        Assert.Contains(world.Progress.Reports, r => r.Phase.StartsWith("distil surrogate 1/1 (tiny)"));
        using var scope = NewDisposeScope();
        var random = world.Prior.Generate(world.Prior.SampleLatents(9));
        var attacked = world.MeanConfidence(result.Images, result.Classes);
        var baseline = world.MeanConfidence(random, result.Classes);
        Assert.True(attacked > baseline + 0.1, $"LOMMA-GMI confidence {attacked:F3} vs random {baseline:F3}");
    }

    [Fact]
    public void LommaAttackRunsTheBaseWithLommaSwitchedOn()
    {
        using var world = new AttackWorld();
        var options = new LommaAttackOptions
        {
            Attack = new PluginRef<IAttack>("kedmi", new Newtonsoft.Json.Linq.JObject { ["iterations"] = 3, ["lomma"] = new Newtonsoft.Json.Linq.JObject() }),
            Surrogates = [new PluginRef<IModelArchitecture>("tiny")],
            DistillEpochs = 1,
        };
        var factory = new TestFactory(world.Run, world.Progress);
        var lomma = new LommaAttack(options, factory);
        var reference = lomma.BaseAttack();
        Assert.Equal("kedmi", reference.Name);
        Assert.Equal(3, (int)reference.Options!["iterations"]!);
        Assert.True((bool)reference.Options["lomma"]!["logitLoss"]!);
        Assert.Equal("tiny", (string)reference.Options["lomma"]!["surrogates"]![0]!["name"]!);

        using var result = lomma.Invert(world.Request(perClass: 1));
        Assert.Equal(3, result.Images.shape[0]);
        Assert.Equal(1, factory.Architecture.Created);
    }

    [Fact]
    public void TheBaseAttackGetsATypedCopyOfItsBoundOptionsWithLommaSet()
    {
        var given = new GmiOptions { Iterations = 7, Restarts = 2, Lambda = 50 };
        var options = new LommaAttackOptions
        {
            Attack = new PluginRef<IAttack>("gmi", new Newtonsoft.Json.Linq.JObject { ["iterations"] = 7 }, given),
            Temperature = 3,
        };
        var reference = new LommaAttack(options, null!).BaseAttack();
        var typed = Assert.IsType<GmiOptions>(reference.BoundOptions);
        Assert.NotSame(given, typed);
        Assert.Equal((7, 2, 50.0), (typed.Iterations, typed.Restarts, typed.Lambda));
        Assert.True(typed.Lomma.LogitLoss);
        Assert.Equal(3, typed.Lomma.Temperature);
        Assert.False(given.Lomma.LogitLoss); // the host's object is left as it was
        Assert.Null(new LommaAttack(new LommaAttackOptions(), null!).BaseAttack().BoundOptions); // nothing bound: the JSON is used
    }

    [Fact]
    public void LogitLossWithoutPublicDataSaysSo()
    {
        using var world = new AttackWorld();
        var options = new GmiOptions { Iterations = 1, Restarts = 1, Lomma = new LommaOptions { LogitLoss = true } };
        var e = Assert.Throws<InvalidOperationException>(() =>
            new GmiAttack(options, world.Run, world.Progress, null!).Invert(world.Request() with { PublicData = null }));
        Assert.Contains("public data", e.Message);
    }
}
