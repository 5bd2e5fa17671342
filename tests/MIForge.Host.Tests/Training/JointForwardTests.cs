using MIForge.Abstractions;
using MIForge.Host.Manifests;
using MIForge.Host.Services;
using MIForge.Host.Tests.Fakes;
using MIForge.Host.Training;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Host.Tests.Training;

/// <summary>Defenses that ask for it get the outliers' output from the training batch's own forward pass.</summary>
public class JointForwardTests
{
    /// <summary>Cross-entropy alone; records, per call, the epoch and how many outlier rows came with the batch's output.</summary>
    private sealed class Recording(int fromEpoch) : IDefense, IJointAuxiliaryForward
    {
        public List<(int epoch, long batch, long? outliers)> Calls { get; } = [];
        public int AuxiliaryBatchSize => 3;
        public IClassifier Prepare(IClassifier model) => model;
        public bool ForwardsJointly(int epoch, int epochs) => epoch >= fromEpoch;

        public DefenseLoss Loss(DefenseBatch batch)
        {
            Calls.Add((batch.Epoch, batch.Output.Logits.shape[0], batch.AuxiliaryOutput?.Logits.shape[0]));
            return new DefenseLoss(batch.CrossEntropy, new Dictionary<string, double>());
        }
    }

    [Fact]
    public void The_trainer_forwards_batch_and_outliers_together_only_in_the_epochs_asked()
    {
        manual_seed(3);
        using var train = new ImageSet(rand(24, 1, 2, 2), tensor(Enumerable.Range(0, 24).Select(i => (long)(i % 2)).ToArray()), 2);
        using var outliers = new ImageSet(rand(10, 1, 2, 2), zeros(10, ScalarType.Int64), 1);
        var model = new FakeLinear().Create(new ImageShape(1, 2, 2), 2);
        using var generator = new Generator(3);
        var context = new RunContext(".", ".", ".", CPU, 3, generator, CancellationToken.None);
        var defense = new Recording(fromEpoch: 1);
        new ClassifierTrainer(new TrainingSpec { Epochs = 2, BatchSize = 8 }, context, new SilentProgress(), NullLogger.Instance).Train(model, defense, train, outliers);
        Assert.Equal(6, defense.Calls.Count);
        Assert.All(defense.Calls, c => Assert.Equal(8, c.batch));
        Assert.All(defense.Calls.Where(c => c.epoch == 0), c => Assert.Null(c.outliers));
        Assert.All(defense.Calls.Where(c => c.epoch == 1), c => Assert.Equal(3L, c.outliers));
    }

    [Fact]
    public void One_pass_gives_each_part_what_a_forward_of_both_gives_and_one_batch_norm_update()
    {
        manual_seed(5);
        using var norm = nn.BatchNorm1d(4);
        var model = new NormalizedNet(norm);
        norm.train();
        var x = randn(6, 1, 1, 4);
        var aux = randn(3, 1, 1, 4) * 4 + 2;
        var (inside, outside) = JointForward.Run(model, x, aux);
        var afterJoint = norm.running_mean!.clone();
        using var reference = nn.BatchNorm1d(4);
        reference.train();
        var both = reference.forward(cat([x, aux]).flatten(1));
        Assert.True(both.narrow(0, 0, 6).allclose(inside.Features));
        Assert.True(both.narrow(0, 6, 3).allclose(outside.Features));
        Assert.True(afterJoint.allclose(reference.running_mean!), "batch norm saw something other than one pass of both batches");
    }

    private sealed class NormalizedNet(TorchSharp.Modules.BatchNorm1d norm) : IClassifier
    {
        public nn.Module Module => norm;
        public ImageShape Input => new(1, 1, 4);
        public int ClassCount => 4;
        public ClassifierHead Head { get; } = new(eye(4).DetachFromDisposeScope(), null); // logits are the features
        public ClassifierOutput Forward(Tensor x)
        {
            var f = norm.forward(x.flatten(1));
            return new ClassifierOutput(f, f, []);
        }
        public void Dispose() { }
    }
}
