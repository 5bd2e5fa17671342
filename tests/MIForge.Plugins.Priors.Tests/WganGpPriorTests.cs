using System.Globalization;
using MIForge.Abstractions;
using MIForge.Plugins.Priors.WganGp;
using MIForge.Plugins.Tests.Fixtures;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Priors.Tests;

public sealed class WganGpPriorTests
{
    private static readonly ImageShape Gray16 = new(1, 16, 16);

    /// <summary>Trains <paramref name="prior"/> for a few steps on gray bands and saves it in the stage folder.</summary>
    private static string TrainedAndSaved(TestRun run, WganGpPrior prior, int steps)
    {
        using var data = Shapes.Bands(Gray16, 3, 8);
        prior.Train(new PriorTraining(data, Steps: steps));
        var folder = Path.Combine(run.StageDirectory, "prior");
        prior.Save(folder);
        return folder;
    }

    internal static WganGpOptions Tiny => new() { LatentDim = 8, Width = 8, Epochs = 2, BatchSize = 8, CriticSteps = 2 };

    [Fact]
    public void TrainsAFewStepsWithFiniteLossesSamplesAndProgress()
    {
        using var run = new TestRun();
        using var data = Shapes.Bands(Gray16, 3, 8);
        var progress = new RecordedProgress();
        using var prior = new WganGpPrior(Tiny, run, progress);
        prior.Train(new PriorTraining(data));

        var lines = File.ReadAllLines(Path.Combine(run.StageDirectory, "losses.csv"));
        Assert.Equal("epoch,step,d_loss,g_loss", lines[0]);
        Assert.Equal(3, lines.Length);
        foreach (var line in lines.Skip(1))
            Assert.All(line.Split(',').Skip(2), v => Assert.True(double.IsFinite(double.Parse(v, CultureInfo.InvariantCulture)), line));
        Assert.True(File.Exists(Path.Combine(run.StageDirectory, "samples", "epoch-002.png")));
        Assert.Equal(6, progress.Reports.Count);
        Assert.Equal("epoch 2/2", progress.Reports[^1].Phase);

        using var z = prior.SampleLatents(5);
        using var images = prior.Generate(z);
        Assert.Equal(new long[] { 5, 1, 16, 16 }, images.shape);
        Assert.True(images.min().item<float>() >= 0 && images.max().item<float>() <= 1);
        using var realness = prior.Realness(images);
        Assert.Equal(new long[] { 5 }, realness.shape);
    }

    [Fact]
    public void StepsOverrideTheEpochs()
    {
        using var run = new TestRun();
        using var data = Shapes.Bands(Gray16, 3, 8);
        var progress = new RecordedProgress();
        using var prior = new WganGpPrior(Tiny, run, progress);
        prior.Train(new PriorTraining(data, Steps: 4));
        Assert.Equal(4, progress.Reports.Count);
    }

    [Fact]
    public void GenerateIsDifferentiableInTheLatents()
    {
        using var run = new TestRun();
        using var data = Shapes.Bands(Gray16, 3, 8);
        using var prior = new WganGpPrior(Tiny, run, new RecordedProgress());
        prior.Train(new PriorTraining(data, Steps: 1));
        using var scope = NewDisposeScope();
        var z = prior.SampleLatents(3).requires_grad_();
        var loss = prior.Realness(prior.Generate(z)).sum();
        var grad = autograd.grad(new[] { loss }, new[] { z })[0]!;
        Assert.True(grad.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void SaveThenLoadReproducesTheNetworks()
    {
        using var run = new TestRun();
        using var prior = new WganGpPrior(Tiny, run, new RecordedProgress());
        var folder = TrainedAndSaved(run, prior, steps: 3);
        Assert.True(File.Exists(Path.Combine(folder, "generator.safetensors.json")));

        using var loaded = new WganGpPrior(new WganGpOptions(), run, new RecordedProgress());
        loaded.Load(folder);
        Assert.Equal(8, loaded.LatentDim);
        using var scope = NewDisposeScope();
        var z = prior.SampleLatents(4);
        Assert.True(prior.Generate(z).Equals(loaded.Generate(z)));
        var x = prior.Generate(z);
        Assert.True(prior.Realness(x).Equals(loaded.Realness(x)));
    }

    [Fact]
    public void CheckpointsKeepTheirTensorNames()
    {
        using var run = new TestRun();
        using var prior = new WganGpPrior(Tiny, run, new RecordedProgress());
        var folder = TrainedAndSaved(run, prior, steps: 1);
        string[] batchNorm(string m) => [$"{m}.weight", $"{m}.bias", $"{m}.running_mean", $"{m}.running_var", $"{m}.num_batches_tracked"];
        AssertTensorNames(Path.Combine(folder, "generator.safetensors"),
            ["project.0.weight", .. batchNorm("project.1"), "upsample.0.weight", .. batchNorm("upsample.1"), "upsample.3.weight", "upsample.3.bias"]);
        AssertTensorNames(Path.Combine(folder, "discriminator.safetensors"),
            ["trunk.layers.0.weight", "trunk.layers.0.bias", "trunk.layers.2.weight", "trunk.layers.2.bias", "trunk.layers.3.weight", "trunk.layers.3.bias", "score.weight", "score.bias"]);
    }

    /// <summary>Asserts that the safetensors file holds exactly the tensors <paramref name="expected"/> (the checkpoint names earlier releases wrote).</summary>
    internal static void AssertTensorNames(string path, string[] expected)
    {
        var (tensors, _) = MIForge.Numerics.Serialization.SafeTensors.Load(path);
        foreach (var t in tensors.Values) t.Dispose();
        Assert.Equal(expected.Order(StringComparer.Ordinal), tensors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheSameSeedWritesTheSameCheckpointBytes()
    {
        byte[] Train()
        {
            using var run = new TestRun(seed: 3);
            using var data = Shapes.Bands(Gray16, 3, 8);
            using var prior = new WganGpPrior(Tiny, run, new RecordedProgress());
            prior.Train(new PriorTraining(data, Steps: 4));
            var folder = Path.Combine(run.StageDirectory, "prior");
            prior.Save(folder);
            return [.. File.ReadAllBytes(Path.Combine(folder, "generator.safetensors")), .. File.ReadAllBytes(Path.Combine(folder, "discriminator.safetensors"))];
        }
        var first = Train();
        manual_seed(12345);
        Assert.Equal(first, Train());
    }

    [Fact]
    public void LoadingAnotherPluginsCheckpointFailsClearly()
    {
        using var run = new TestRun();
        using var prior = new WganGpPrior(Tiny, run, new RecordedProgress());
        var folder = TrainedAndSaved(run, prior, steps: 1);
        using var other = new MIForge.Plugins.Priors.KedMi.KedMiGanPrior(new(), run, new RecordedProgress());
        var e = Assert.Throws<InvalidDataException>(() => other.Load(folder));
        Assert.Contains("wgan-gp", e.Message);
    }

    [Fact]
    public void CloneIsAnIndependentCopy()
    {
        using var run = new TestRun();
        using var data = Shapes.Bands(Gray16, 3, 8);
        using var prior = new WganGpPrior(Tiny, run, new RecordedProgress());
        prior.Train(new PriorTraining(data, Steps: 2));
        using var z = prior.SampleLatents(4);
        using var before = prior.Generate(z);

        using var clone = prior.Clone();
        using (var copied = clone.Generate(z)) Assert.True(before.Equals(copied));
        clone.Train(new PriorTraining(data, Steps: 4));

        using var after = prior.Generate(z);
        using var tuned = clone.Generate(z);
        Assert.True(before.Equals(after));
        Assert.False(before.Equals(tuned));
    }

    [Fact]
    public void BuildsRgb64()
    {
        using var run = new TestRun();
        using var data = Shapes.Bands(new ImageShape(3, 64, 64), 2, 2);
        using var prior = new WganGpPrior(new WganGpOptions { LatentDim = 4, Width = 4, BatchSize = 4, WriteSamples = false }, run, new RecordedProgress());
        prior.Train(new PriorTraining(data, Steps: 1));
        using var z = prior.SampleLatents(2);
        using var images = prior.Generate(z);
        Assert.Equal(new long[] { 2, 3, 64, 64 }, images.shape);
        Assert.False(File.Exists(Path.Combine(run.StageDirectory, "losses.csv")));
    }

    [Fact]
    public void RejectsImagesThatAreNotPowerOfTwoSquares()
    {
        using var run = new TestRun();
        using var data = Shapes.Bands(new ImageShape(1, 28, 28), 2, 2);
        using var prior = new WganGpPrior(Tiny, run, new RecordedProgress());
        var e = Assert.Throws<ArgumentException>(() => prior.Train(new PriorTraining(data, Steps: 1)));
        Assert.Contains("1x28x28", e.Message);
    }

    [Fact]
    public void GenerateBeforeTrainingSaysWhatIsMissing()
    {
        using var run = new TestRun();
        using var prior = new WganGpPrior(Tiny, run, new RecordedProgress());
        using var z = prior.SampleLatents(1);
        var e = Assert.Throws<InvalidOperationException>(() => prior.Generate(z));
        Assert.Contains("train it or load", e.Message);
    }
}
