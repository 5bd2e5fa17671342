using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Abstractions;

/// <summary>A classifier's last linear layer: logits = features·Weightᵀ + Bias, where features are the
/// <see cref="ClassifierOutput.Features"/> of the same forward pass. The tensors are the classifier's own
/// parameters (on its device, trainable): read them, never dispose or change them.</summary>
/// <param name="Weight">W [classes, d].</param>
/// <param name="Bias">b [classes], or null for a layer without bias.</param>
public sealed record ClassifierHead(Tensor Weight, Tensor? Bias)
{
    /// <summary>features [N, d] → logits [N, classes], differentiable in both.</summary>
    public Tensor Apply(Tensor features) => nn.functional.linear(features, Weight, Bias);
}
