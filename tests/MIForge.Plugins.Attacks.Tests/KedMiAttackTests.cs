using MIForge.Plugins.Attacks.KedMi;
using MIForge.Plugins.Attacks.Tests.Fixtures;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Attacks.Tests;

public sealed class KedMiAttackTests
{
    [Fact]
    public void LearnsDistributionsWhoseSamplesTheTargetRecognises()
    {
        using var world = new AttackWorld();
        var attack = new KedMiAttack(new KedMiOptions { Iterations = 100, SamplesPerStep = 4, LearningRate = 0.1 }, world.Run, world.Progress, null!);
        using var result = attack.Invert(world.Request(perClass: 4));

        Assert.Equal(new long[] { 12, 1, 16, 16 }, result.Images.shape);
        Assert.Equal(new long[] { 12, 8 }, result.Latents!.shape);
        Assert.True(result.Latents.abs().max().item<float>() <= 1f);
        using var scope = NewDisposeScope();
        var random = world.Prior.Generate(world.Prior.SampleLatents(12));
        var attacked = world.MeanConfidence(result.Images, result.Classes);
        var baseline = world.MeanConfidence(random, result.Classes);
        Assert.True(attacked > baseline + 0.2, $"KED-MI confidence {attacked:F3} vs random {baseline:F3}");
    }

    [Fact]
    public void IsReproducibleUnderTheStageSeed()
    {
        using var world = new AttackWorld();
        var options = new KedMiOptions { Iterations = 5 };
        using var first = new KedMiAttack(options, world.Run, world.Progress, null!).Invert(world.Request());
        using var second = new KedMiAttack(options, world.Run, world.Progress, null!).Invert(world.Request());
        Assert.True(first.Latents!.Equals(second.Latents!));
    }
}
