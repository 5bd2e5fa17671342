using MIForge.Abstractions;
using MIForge.Host.Manifests;
using MIForge.Host.Services;
using MIForge.Host.Tests.Fakes;
using MIForge.Host.Training;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Host.Tests.Training;

public class TrainerTests
{
    /// <summary>Two separable blobs of 4-pixel images (class 0 dark, class 1 bright) plus label noise.</summary>
    private static ImageSet Blobs(int n, double noise, int seed)
    {
        manual_seed(seed);
        var y = randint(0, 2, new long[] { n });
        var x = randn(n, 1, 2, 2) * 0.3 + y.@float().reshape(n, 1, 1, 1) * 2 - 1;
        if (noise > 0) y = where(rand(n).lt(noise), (1 - y).@long(), y);
        return new ImageSet(x.DetachFromDisposeScope(), y.DetachFromDisposeScope(), 2);
    }

    private static (IClassifier model, Newtonsoft.Json.Linq.JArray log) Train(TrainingSpec spec, ImageSet data, int seed = 1)
    {
        manual_seed(seed);
        var model = new FakeLinear().Create(new ImageShape(1, 2, 2), 2);
        using var generator = new Generator((ulong)seed);
        var context = new RunContext(".", ".", ".", CPU, seed, generator, CancellationToken.None);
        var log = new ClassifierTrainer(spec, context, new SilentProgress(), NullLogger.Instance).Train(model, null, data, null);
        return (model, log);
    }

    [Fact]
    public void Schedule_and_validation_appear_in_the_epoch_log()
    {
        using var data = Blobs(200, 0, 1);
        var spec = new TrainingSpec { Epochs = 4, BatchSize = 32, LearningRate = 0.1, Schedule = ScheduleKind.Step, StepSize = 2, Gamma = 0.5, Validation = 0.2 };
        var (model, log) = Train(spec, data);
        using var _ = model;
        Assert.Equal(4, log.Count);
        Assert.Equal(new[] { 0.1, 0.1, 0.05, 0.05 }, log.Select(e => (double)e["lr"]!).Select(v => Math.Round(v, 6)));
        Assert.All(log, e => Assert.InRange((double)e["val_acc"]!, 0.0, 1.0));
        Assert.True((double)log.Last()["val_acc"]! > 0.9);
    }

    [Theory]
    [InlineData(ScheduleKind.MultiStep, new[] { 0.1, 0.05, 0.05, 0.025 })]
    [InlineData(ScheduleKind.Cosine, new[] { 0.1, 0.0853553, 0.05, 0.0146447 })] // 0.1·(1 + cos(π·e/4))/2
    public void MultiStep_and_cosine_schedules_follow_their_closed_forms(ScheduleKind schedule, double[] expected)
    {
        using var data = Blobs(64, 0, 4);
        var spec = new TrainingSpec { Epochs = 4, BatchSize = 32, LearningRate = 0.1, Schedule = schedule, Milestones = [1, 3], Gamma = 0.5 };
        var (model, log) = Train(spec, data);
        using var _ = model;
        Assert.Equal(expected, log.Select(e => Math.Round((double)e["lr"]!, 7)));
    }

    [Fact]
    public void Early_stopping_ends_training_and_keeps_the_best_epoch()
    {
        using var data = Blobs(300, 0.45, 2);
        var spec = new TrainingSpec { Epochs = 200, BatchSize = 16, LearningRate = 0.5, Validation = 0.3, Patience = 2 };
        var (model, log) = Train(spec, data);
        using var _ = model;
        Assert.True(log.Count < 200, "early stopping should end training well before 200 epochs");
        var accs = log.Select(e => (double)e["val_acc"]!).ToArray();
        var bestEpoch = Array.IndexOf(accs, accs.Max());
        Assert.Equal(log.Count - 1 - spec.Patience, bestEpoch);
    }

    [Fact]
    public void Label_smoothing_raises_the_loss_floor()
    {
        using var data = Blobs(200, 0, 3);
        var plain = Train(new TrainingSpec { Epochs = 5, BatchSize = 32, LearningRate = 0.1 }, data);
        var smooth = Train(new TrainingSpec { Epochs = 5, BatchSize = 32, LearningRate = 0.1, LabelSmoothing = 0.3 }, data);
        plain.model.Dispose(); smooth.model.Dispose();
        // with ε = 0.3 over 2 classes the loss cannot fall below the entropy of (0.85, 0.15) ≈ 0.423
        Assert.True((double)smooth.log.Last()["loss"]! > 0.42);
        Assert.True((double)plain.log.Last()["loss"]! < 0.2);
    }
}
