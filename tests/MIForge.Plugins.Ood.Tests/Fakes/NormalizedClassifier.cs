using MIForge.Abstractions;
using TorchSharp.Modules;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Ood.Tests.Fakes;

/// <summary>A classifier with a batch-norm layer before its linear head, to see what passes through it change its statistics.</summary>
public sealed class NormalizedClassifier : nn.Module, IClassifier
{
    private readonly BatchNorm1d norm;
    private readonly Linear head;

    public NormalizedClassifier(int inputs, int classes) : base(nameof(NormalizedClassifier))
    {
        Input = new ImageShape(1, 1, inputs);
        ClassCount = classes;
        norm = nn.BatchNorm1d(inputs);
        head = nn.Linear(inputs, classes);
        RegisterComponents();
    }

    public nn.Module Module => this;
    public ImageShape Input { get; }
    public int ClassCount { get; }
    public ClassifierHead Head => new(head.weight!, head.bias);

    /// <summary>The batch-norm layer's running mean.</summary>
    public Tensor RunningMean => norm.running_mean!;

    public ClassifierOutput Forward(Tensor x)
    {
        var features = norm.forward(x.flatten(1));
        return new ClassifierOutput(head.forward(features), features, [new("features", features)]);
    }
}
