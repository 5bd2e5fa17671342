using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Metrics.Tests.Attack;

/// <summary>An evaluator whose features are the flattened pixels and whose logits are features·Wᵀ,
/// so metrics can be checked against computations on the raw numbers.</summary>
public sealed class FeatureEvaluator : nn.Module, IClassifier
{
    private readonly Tensor weight;

    /// <summary>An evaluator for <paramref name="input"/> images with fixed class weights [classes, elements].</summary>
    public FeatureEvaluator(ImageShape input, float[,] weights) : base(nameof(FeatureEvaluator))
    {
        Input = input;
        ClassCount = weights.GetLength(0);
        weight = tensor(weights.Cast<float>().ToArray(), ClassCount, input.Elements).DetachFromDisposeScope();
    }

    public nn.Module Module => this;
    public ImageShape Input { get; }
    public int ClassCount { get; }
    public ClassifierHead Head => new(weight, null);

    public ClassifierOutput Forward(Tensor x)
    {
        var features = x.flatten(1);
        return new ClassifierOutput(features.matmul(weight.t()), features, []);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) weight.Dispose();
        base.Dispose(disposing);
    }
}
