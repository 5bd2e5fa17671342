using MIForge.Abstractions;
using MIForge.Plugins.Attacks.Gmi;
using MIForge.Plugins.Attacks.Tests.Fixtures;
using MIForge.Plugins.Tests.Fixtures;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Attacks.Tests;

public sealed class GmiAttackTests
{
    private static GmiOptions Short => new() { Iterations = 40, Restarts = 2, ClassBatch = 2 };

    [Fact]
    public void RaisesTargetConfidenceOverRandomLatents()
    {
        using var world = new AttackWorld();
        var attack = new GmiAttack(Short, world.Run, world.Progress, new TestFactory(world.Run, world.Progress));
        using var result = attack.Invert(world.Request(perClass: 3));

        Assert.Equal(new long[] { 9, 1, 16, 16 }, result.Images.shape);
        Assert.Equal(new long[] { 0, 0, 0, 1, 1, 1, 2, 2, 2 }, result.Classes.data<long>().ToArray());
        Assert.True(result.Latents!.abs().max().item<float>() <= 1f);

        using var scope = NewDisposeScope();
        var random = world.Prior.Generate(world.Prior.SampleLatents(9));
        var attacked = world.MeanConfidence(result.Images, result.Classes);
        var baseline = world.MeanConfidence(random, result.Classes);
        Assert.True(attacked > baseline + 0.2, $"GMI confidence {attacked:F3} vs random {baseline:F3}");
    }

    [Fact]
    public void ReportsProgressOverAllBatchesAndRestarts()
    {
        using var world = new AttackWorld();
        var progress = new RecordedProgress();
        var attack = new GmiAttack(new GmiOptions { Iterations = 3, Restarts = 2, ClassBatch = 2 }, world.Run, progress, new TestFactory(world.Run, progress));
        using var result = attack.Invert(world.Request(perClass: 1));
        Assert.Equal(12, progress.Reports.Count);
        Assert.All(progress.Reports, r => Assert.Equal(12, r.Total));
        Assert.Equal(12, progress.Reports[^1].Step);
        Assert.Equal("gmi classes 2/2 restart 2/2", progress.Reports[^1].Phase);
        Assert.All(progress.Reports, r => Assert.True(double.IsFinite(r.Loss!.Value)));
    }

    [Fact]
    public void IsReproducibleUnderTheStageSeed()
    {
        using var world = new AttackWorld();
        var options = new GmiOptions { Iterations = 5, Restarts = 2 };
        using var first = new GmiAttack(options, world.Run, world.Progress, null!).Invert(world.Request());
        manual_seed(12345);
        using var second = new GmiAttack(options, world.Run, world.Progress, null!).Invert(world.Request());
        Assert.True(first.Images.Equals(second.Images));
        Assert.True(first.Latents!.Equals(second.Latents!));

        using var otherRun = new TestRun(seed: 99);
        using var third = new GmiAttack(options, otherRun, world.Progress, null!).Invert(world.Request());
        Assert.False(first.Latents!.Equals(third.Latents!));
    }

    [Fact]
    public void ABatchDoesNotDependOnTheClassesBeforeIt()
    {
        using var world = new AttackWorld();
        var options = new GmiOptions { Iterations = 5, Restarts = 1, ClassBatch = 1 };
        using var all = new GmiAttack(options, world.Run, world.Progress, null!).Invert(world.Request(1, 0, 2));
        using var alone = new GmiAttack(options, world.Run, world.Progress, null!).Invert(world.Request(1, 0));
        Assert.True(all.Latents!.narrow(0, 0, 1).Equals(alone.Latents!));
    }

    [Fact]
    public void NeedsAPriorAndWhiteBoxAccess()
    {
        using var world = new AttackWorld();
        var attack = new GmiAttack(Short, world.Run, world.Progress, null!);
        Assert.Equal(TargetAccess.WhiteBox, attack.Requires);
        var noPrior = Assert.Throws<InvalidOperationException>(() => attack.Invert(world.Request() with { Prior = null }));
        Assert.Contains("prior", noPrior.Message);
        var blackBox = world.Request() with { Target = new WhiteBoxTarget(world.Classifier, TargetAccess.BlackBox) };
        Assert.Throws<UnauthorizedAccessException>(() => attack.Invert(blackBox));
    }
}

public sealed class GmiMemoryTests
{
    /// <summary>Tensors created on this thread and still alive after an attack and its result are disposed.
    /// The attacks dispose their optimisers, so at most a few stray handles may remain, and the count must
    /// not grow with iterations.</summary>
    private static long LeftAfter(AttackWorld world, int iterations)
    {
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        new GmiAttack(new GmiOptions { Iterations = iterations, Restarts = 2 }, world.Run, world.Progress, null!).Invert(world.Request()).Dispose();
        new MIForge.Plugins.Attacks.KedMi.KedMiAttack(new MIForge.Plugins.Attacks.KedMi.KedMiOptions { Iterations = iterations }, world.Run, world.Progress, null!)
            .Invert(world.Request()).Dispose();
        return DisposeScopeManager.Statistics.ThreadTotalLiveCount - before;
    }

    [Fact]
    public void LongRunsDoNotLeakPerIteration()
    {
        using var world = new AttackWorld();
        var shortRun = LeftAfter(world, 3);
        var longRun = LeftAfter(world, 40);
        Assert.Equal(shortRun, longRun);
        Assert.True(shortRun <= 8, $"{shortRun} tensors left (optimiser state only expected)");
    }
}
