using MIForge.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MIForge.Host.Tests.Fakes;

/// <summary>A two-layer perceptron classifier.</summary>
[Plugin("fake-linear", "two-layer perceptron")]
public sealed class FakeLinear : IModelArchitecture
{
    public IClassifier Create(ImageShape input, int classCount) => new Net(input, classCount);

    private sealed class Net : torch.nn.Module, IClassifier
    {
        private readonly Linear hidden, head;

        public Net(ImageShape input, int classes) : base(nameof(FakeLinear))
        {
            Input = input;
            ClassCount = classes;
            hidden = torch.nn.Linear(input.Elements, 16);
            head = torch.nn.Linear(16, classes);
            register_module("hidden", hidden);
            register_module("head", head);
        }

        public torch.nn.Module Module => this;
        public ImageShape Input { get; }
        public int ClassCount { get; }
        public ClassifierHead Head => new(head.weight!, head.bias);

        public ClassifierOutput Forward(torch.Tensor x)
        {
            var h = hidden.forward(x.flatten(1)).relu();
            return new ClassifierOutput(head.forward(h), h, [new("hidden", h)]);
        }
    }
}
