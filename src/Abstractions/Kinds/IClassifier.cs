using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Abstractions;

/// <summary>A classifier network as the host trains, saves and attacks it.</summary>
public interface IClassifier : IDisposable
{
    /// <summary>The module owning every trainable parameter and buffer (for optimisers,
    /// state_dict, train/eval, device moves).</summary>
    torch.nn.Module Module { get; }

    /// <summary>The image shape the classifier accepts.</summary>
    ImageShape Input { get; }

    /// <summary>The number of classes it scores.</summary>
    int ClassCount { get; }

    /// <summary>Runs images [N,C,H,W] in [0,1] through the network; differentiable in x and parameters.</summary>
    ClassifierOutput Forward(torch.Tensor x);

    /// <summary>The last linear layer, mapping <see cref="ClassifierOutput.Features"/> to the logits (what ViM and ReAct read).</summary>
    ClassifierHead Head { get; }
}
