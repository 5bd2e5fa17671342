using MIForge.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace MIForge.Plugins.Defenses.Tests.Fakes;

/// <summary>A 16→8→6→3 perceptron on [N,1,4,4] images reporting hidden blocks "h1" and "h2".</summary>
public sealed class TinyNet : nn.Module, IClassifier
{
    private readonly Linear h1, h2;
    [ComponentName(Name = "fc")] private readonly Linear head;

    public TinyNet() : base(nameof(TinyNet))
    {
        h1 = nn.Linear(16, 8);
        h2 = nn.Linear(8, 6);
        head = nn.Linear(6, 3);
        RegisterComponents();
    }

    public nn.Module Module => this;
    public ImageShape Input => new(1, 4, 4);
    public int ClassCount => 3;
    public ClassifierHead Head => new(head.weight!, head.bias);

    public ClassifierOutput Forward(Tensor x)
    {
        var a = h1.forward(x.flatten(1)).tanh();
        var b = h2.forward(a).tanh();
        return new ClassifierOutput(head.forward(b), b, [new("h1", a), new("h2", b)]);
    }

    /// <summary>A seeded batch of 12 images with labels 0,1,2,0,1,2,...</summary>
    public static (Tensor images, Tensor labels) Batch()
    {
        manual_seed(21);
        return (rand(12, 1, 4, 4), tensor(Enumerable.Range(0, 12).Select(i => (long)(i % 3)).ToArray()));
    }

    /// <summary>A defense batch for this net's forward pass on <paramref name="images"/>.</summary>
    public DefenseBatch Step(IClassifier model, Tensor images, Tensor labels, int epoch = 0)
    {
        var output = model.Forward(images);
        var ce = nn.functional.cross_entropy(output.Logits, labels);
        return new DefenseBatch(images, labels, 3, model, output, ce, null, epoch, 10);
    }
}
