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

        public Net(ImageShape input, int classes)
        {
            Input = input;
            ClassCount = classes;
            hidden = register_module("hidden", new Linear(input.Elements, 16));
            head = register_module("head", new Linear(16, classes));
        }

        public torch.nn.Module Module => this;
        public ImageShape Input { get; }
        public int ClassCount { get; }

        public ClassifierOutput Forward(torch.Tensor x)
        {
            var h = hidden.forward(x.flatten(1)).relu();
            return new ClassifierOutput(head.forward(h), h, [new("hidden", h)]);
        }
    }
}
