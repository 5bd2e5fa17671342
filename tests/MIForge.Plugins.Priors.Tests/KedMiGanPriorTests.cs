using System.Globalization;
using MIForge.Abstractions;
using MIForge.Plugins.Priors.KedMi;
using MIForge.Plugins.Tests.Fixtures;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Priors.Tests;

public sealed class KedMiGanPriorTests
{
    private static readonly ImageShape Gray16 = new(1, 16, 16);

    private static KedMiGanOptions Tiny => new() { LatentDim = 8, Width = 8, Epochs = 2, BatchSize = 8, CriticSteps = 2, MinibatchFeatures = 4, MinibatchKernelDims = 3 };

    [Fact]
    public void TrainsWithTheTargetAndFiniteLosses()
    {
        using var run = new TestRun();
        using var data = Shapes.Bands(Gray16, 3, 8);
        using var target = new TinyClassifier(Gray16, 3).Fit(data, 10);
        using var prior = new KedMiGanPrior(Tiny, run, new RecordedProgress());
        Assert.IsAssignableFrom<ITargetAwarePrior>(prior);
        prior.Train(new PriorTraining(data, target));

        foreach (var line in File.ReadAllLines(Path.Combine(run.StageDirectory, "losses.csv")).Skip(1))
            Assert.All(line.Split(',').Skip(2), v => Assert.True(double.IsFinite(double.Parse(v, CultureInfo.InvariantCulture)), line));
        using var scope = NewDisposeScope();
        var images = prior.Generate(prior.SampleLatents(4));
        var realness = prior.Realness(images);
        Assert.Equal(new long[] { 4 }, realness.shape);
        Assert.True(realness.le(0).all().item<bool>(), "log σ(·) is never positive");
    }

    [Fact]
    public void WithoutTheTargetTrainingIsRefused()
    {
        using var run = new TestRun();
        using var data = Shapes.Bands(Gray16, 3, 8);
        using var prior = new KedMiGanPrior(Tiny, run, new RecordedProgress());
        var e = Assert.Throws<InvalidOperationException>(() => prior.Train(new PriorTraining(data)));
        Assert.Contains("target", e.Message);
    }

    [Fact]
    public void SaveLoadAndCloneKeepTheClassHead()
    {
        using var run = new TestRun();
        using var data = Shapes.Bands(Gray16, 3, 8);
        using var target = new TinyClassifier(Gray16, 3).Fit(data, 5);
        using var prior = new KedMiGanPrior(Tiny, run, new RecordedProgress());
        prior.Train(new PriorTraining(data, target, Steps: 2));
        var folder = Path.Combine(run.StageDirectory, "prior");
        prior.Save(folder);
        using var loaded = new KedMiGanPrior(Tiny, run, new RecordedProgress());
        loaded.Load(folder);
        using var clone = prior.Clone();
        using var scope = NewDisposeScope();
        var x = prior.Generate(prior.SampleLatents(4));
        Assert.True(prior.Realness(x).Equals(loaded.Realness(x)));
        Assert.True(prior.Realness(x).Equals(clone.Realness(x)));
        Assert.Equal(3, loaded.Architecture!.Classes);
        WganGpPriorTests.AssertTensorNames(Path.Combine(folder, "discriminator.safetensors"),
            ["trunk.layers.0.weight", "trunk.layers.0.bias", "trunk.layers.2.weight", "trunk.layers.2.bias", "trunk.layers.3.weight", "trunk.layers.3.bias",
             "minibatch.kernels", "head.weight", "head.bias"]);
    }
}
