using MIForge.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MIForge.Plugins.Tests.Fixtures;

/// <summary>A small CNN classifier for tests: conv–ReLU–pool, a feature layer, a linear head.</summary>
public sealed class TinyClassifier : nn.Module, IClassifier
{
    private readonly Sequential body;
    private readonly Linear head;

    /// <summary>A classifier for <paramref name="input"/> images and <paramref name="classes"/> classes, <paramref name="features"/> wide.</summary>
    public TinyClassifier(ImageShape input, int classes, int features = 16) : base(nameof(TinyClassifier))
    {
        Input = input;
        ClassCount = classes;
        body = nn.Sequential(
            nn.Conv2d(input.Channels, 4, 3, 1, 1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
            nn.Linear(4 * (input.Height / 2) * (input.Width / 2), features), nn.ReLU());
        head = nn.Linear(features, classes);
        register_module("body", body);
        register_module("head", head);
    }

    public nn.Module Module => this;
    public ImageShape Input { get; }
    public int ClassCount { get; }
    public ClassifierHead Head => new(head.weight!, head.bias);

    public ClassifierOutput Forward(Tensor x)
    {
        var features = body.forward(x);
        return new ClassifierOutput(head.forward(features), features, [new("body", features)]);
    }

    /// <summary>Trains with Adam on cross-entropy for <paramref name="steps"/> full-batch steps; returns this in eval mode.</summary>
    public TinyClassifier Fit(ImageSet data, int steps = 60, double lr = 1e-2)
    {
        using var opt = optim.Adam(parameters(), lr);
        train();
        for (var i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            using var output = Forward(data.Images);
            var loss = nn.functional.cross_entropy(output.Logits, data.Labels);
            opt.zero_grad();
            loss.backward();
            opt.step();
        }
        zero_grad();
        eval();
        return this;
    }
}
