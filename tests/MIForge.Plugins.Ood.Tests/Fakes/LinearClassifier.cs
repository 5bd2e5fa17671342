using MIForge.Abstractions;
using TorchSharp.Modules;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Ood.Tests.Fakes;

/// <summary>A classifier whose penultimate features are its flattened input and whose head is a
/// linear layer with given weights, so every score has a closed form.</summary>
public sealed class LinearClassifier : nn.Module, IClassifier
{
    private readonly Linear head;

    public LinearClassifier(double[][] weight, double[] bias) : base(nameof(LinearClassifier))
    {
        var d = weight[0].Length;
        Input = new ImageShape(1, 1, d);
        ClassCount = weight.Length;
        head = nn.Linear(d, weight.Length);
        register_module("head", head);
        using var noGrad = no_grad();
        using var w = tensor(weight.SelectMany(r => r.Select(v => (float)v)).ToArray(), weight.Length, d);
        using var b = tensor(bias.Select(v => (float)v).ToArray());
        head.weight.copy_(w);
        head.bias!.copy_(b);
        eval();
    }

    public nn.Module Module => this;
    public ImageShape Input { get; }
    public int ClassCount { get; }
    public ClassifierHead Head => new(head.weight!, head.bias);

    /// <summary>Number of Forward calls so far.</summary>
    public int Forwards { get; private set; }

    public ClassifierOutput Forward(Tensor x)
    {
        Forwards++;
        var features = x.flatten(1);
        return new ClassifierOutput(head.forward(features), features, [new("features", features)]);
    }
}
