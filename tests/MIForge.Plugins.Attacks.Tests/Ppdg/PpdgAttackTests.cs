using System.Security.Cryptography;
using MIForge.Abstractions;
using MIForge.Plugins.Attacks.Ppdg;
using MIForge.Plugins.Attacks.Tests.Fixtures;
using MIForge.Plugins.Priors.WganGp;
using MIForge.Numerics.Serialization;
using Newtonsoft.Json.Linq;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Attacks.Tests.Ppdg;

public sealed class PpdgAttackTests
{
    /// <summary>A tiny PPDG over a 3-step GMI: 2 candidates per class, best 2 kept, 6 tuning steps.</summary>
    private static PpdgOptions Tiny(PpdgTuning tuning = PpdgTuning.Gan, int rounds = 1) => new()
    {
        Attack = new PluginRef<IAttack>("gmi", new JObject { ["iterations"] = 3, ["restarts"] = 1 }),
        Rounds = rounds, Candidates = 3, TopK = 2, Augmentations = 4, TuneSteps = 6, Tuning = tuning,
    };

    private static PpdgAttack Attack(AttackWorld world, PpdgOptions options) =>
        new(options, world.Run, world.Progress, new TestFactory(world.Run, world.Progress));

    private static byte[] Digest(string directory) =>
        SHA256.HashData(Directory.GetFiles(directory).Order().SelectMany(File.ReadAllBytes).ToArray());

    [Theory]
    [InlineData(PpdgTuning.Gan)]
    [InlineData(PpdgTuning.PointWise)]
    [InlineData(PpdgTuning.Mmd)]
    public void TunesAClonePerClassAndLeavesTheOriginalPriorAndItsFilesAlone(PpdgTuning tuning)
    {
        using var world = new AttackWorld();
        var folder = Path.Combine(world.Run.RunDirectory, "prior");
        world.Prior.Save(folder);
        var digest = Digest(folder);
        using var loaded = new WganGpPrior(new WganGpOptions { LatentDim = 8, Width = 8, BatchSize = 12, CriticSteps = 2, WriteSamples = false }, world.Run, world.Progress);
        loaded.Load(folder);
        using var probe = loaded.SampleLatents(4);
        var prior = new RecordingPrior(loaded, probe);
        using var before = prior.Probe();

        using var result = Attack(world, Tiny(tuning)).Invert(world.Request(perClass: 2) with { Prior = prior });

        Assert.Equal(new long[] { 0, 0, 1, 1, 2, 2 }, result.Classes.data<long>().ToArray());
        Assert.Equal(3, prior.Clones.Count);
        Assert.All(prior.Clones, c => Assert.Equal(1, c.Trainings));
        Assert.Equal(0, prior.Trainings);
        Assert.All(prior.Clones, c => Assert.False(c.LastImages!.allclose(before, atol: 1e-6), "the clone's generator did not move"));
        using var after = prior.Probe();
        Assert.True(after.Equals(before), "the original prior changed");
        Assert.Equal(digest, Digest(folder));
        foreach (var c in prior.Clones) c.LastImages!.Dispose();
    }

    [Fact]
    public void WritesEveryRoundsReconstructionsAndTimings()
    {
        using var world = new AttackWorld();
        using var result = Attack(world, Tiny(rounds: 2)).Invert(world.Request(perClass: 2, 0, 2));

        for (var round = 0; round <= 2; round++)
        {
            var path = PpdgRounds.PathOf(world.Run.StageDirectory, round);
            Assert.True(File.Exists(path), path);
            var (tensors, _) = SafeTensors.Load(path);
            Assert.Equal(new long[] { 4, 1, 16, 16 }, tensors["images"].shape);
            Assert.Equal(new long[] { 0, 0, 2, 2 }, tensors["classes"].data<long>().ToArray());
            Assert.Equal(new long[] { 4, 8 }, tensors["latents"].shape);
            if (round == 2) Assert.True(tensors["images"].Equals(result.Images), "the last round is the result");
            foreach (var t in tensors.Values) t.Dispose();
        }
        var timings = JObject.Parse(File.ReadAllText(Path.Combine(world.Run.StageDirectory, "ppdg.json")));
        Assert.Equal(1 + 2 * 2, ((JArray)timings["steps"]!).Count);
        Assert.True((double)timings["tuneSeconds"]! > 0);
        Assert.True(Directory.Exists(Path.Combine(world.Run.StageDirectory, "ppdg", "classes-2", "round-2")));
    }

    [Fact]
    public void RoundZeroIsTheBaseAttackOnItsOwnUnderTheSameSeed()
    {
        using var world = new AttackWorld(seed: 7);
        var options = Tiny();
        options.Candidates = 0;
        using var ppdg = Attack(world, options).Invert(world.Request(perClass: 2));
        var factory = new TestFactory(world.Run, world.Progress);
        using var alone = factory.Create(options.Attack).Invert(world.Request(perClass: 2));

        var (round0, _) = SafeTensors.Load(PpdgRounds.PathOf(world.Run.StageDirectory, 0));
        Assert.True(round0["images"].Equals(alone.Images.cpu()), "round 0 differs from the base attack run alone");
        Assert.True(round0["latents"].Equals(alone.Latents!.cpu()));
        Assert.False(ppdg.Images.Equals(alone.Images), "the tuned rounds should differ from round 0");
        foreach (var t in round0.Values) t.Dispose();
    }

    [Fact]
    public void TopPerClassKeepsTheBestRowsOfEachClassInRowOrder()
    {
        using var scores = tensor(new[] { 0.1f, 0.9f, 0.5f, 0.7f, 0.2f, 0.8f });
        using var classes = tensor(new long[] { 0, 0, 1, 1, 0, 1 });
        Assert.Equal(new long[] { 5, 1 }, PseudoPrivateScore.TopPerClass(scores, classes, [1, 0], 1));
        Assert.Equal(new long[] { 1, 4, 3, 5 }, PseudoPrivateScore.TopPerClass(scores, classes, [0, 1], 2));
        Assert.Equal(new long[] { 0, 1, 4 }, PseudoPrivateScore.TopPerClass(scores, classes, [0], 5));
    }

    [Theory]
    [InlineData(0.0, 1000, 10, 1)]
    [InlineData(0.5, 1000, 10, 100)]
    [InlineData(0.2, 30000, 25, 300)]
    [InlineData(0.01, 100, 50, 1)]
    public void RepeatsPseudoPrivateImagesToTheirShare(double share, long publicCount, long pseudoPrivate, int expected) =>
        Assert.Equal(expected, new PseudoPrivateTuning(new PpdgOptions { PseudoPrivateShare = share }).Repeats(publicCount, pseudoPrivate));

    [Fact]
    public void RefusesAPriorThatCannotBeFineTuned()
    {
        using var world = new AttackWorld();
        var prior = new UntunablePrior(world.Prior);
        var e = Assert.Throws<NotSupportedException>(() => Attack(world, Tiny()).Invert(world.Request() with { Prior = prior }));
        Assert.Contains("cannot be fine-tuned", e.Message);
        Assert.Equal(0, prior.Clones);

        using var plain = Attack(world, Tiny(rounds: 0)).Invert(world.Request(perClass: 1) with { Prior = prior });
        Assert.Equal(3, plain.Images.shape[0]);
    }

    [Fact]
    public void IsReproducibleUnderTheStageSeed()
    {
        Tensor Run()
        {
            using var world = new AttackWorld(seed: 5);
            using var result = Attack(world, Tiny()).Invert(world.Request(perClass: 2, 1));
            return result.Images.clone();
        }
        using var first = Run();
        manual_seed(999);
        using var second = Run();
        Assert.True(first.Equals(second));
    }

    [Fact]
    public void AsksForBlackBoxScoringOrTheBaseAttacksAccess()
    {
        using var world = new AttackWorld();
        Assert.Equal(TargetAccess.WhiteBox, Attack(world, Tiny()).Requires);
        var noPublic = Assert.Throws<InvalidOperationException>(() => Attack(world, Tiny()).Invert(world.Request(1, 0) with { PublicData = null }));
        Assert.Contains("public data", noPublic.Message);
    }

    [Fact]
    public void LeavesNoTensorsBehindThatGrowWithTuning()
    {
        using var world = new AttackWorld();
        long LeftAfter(int steps)
        {
            var options = Tiny(PpdgTuning.PointWise);
            options.TuneSteps = steps;
            var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            Attack(world, options).Invert(world.Request(perClass: 1, 0)).Dispose();
            return DisposeScopeManager.Statistics.ThreadTotalLiveCount - before;
        }
        var brief = LeftAfter(2);
        var longer = LeftAfter(8);
        Assert.Equal(brief, longer);
        Assert.True(brief <= 8, $"{brief} tensors left");
    }
}
