using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Ood.Fitting;

/// <summary>The classifier's last linear layer, logits = features·Wᵀ + b, as the classifier exposes it
/// (ViM and ReAct recompute logits from features). Holds float64 copies without gradients.</summary>
internal sealed class LinearHead : IDisposable
{
    private LinearHead(Tensor weight, Tensor bias)
    {
        Weight = weight;
        Bias = bias;
    }

    /// <summary>W [C, d].</summary>
    public Tensor Weight { get; }

    /// <summary>b [C].</summary>
    public Tensor Bias { get; }

    /// <summary>features [N, d] → logits [N, C].</summary>
    public Tensor Logits(Tensor features) { using var wt = Weight.t(); return Bias.addmm(features, wt); }

    /// <summary>Float64 copies of <paramref name="model"/>'s head (<see cref="IClassifier.Head"/>) on <paramref name="device"/>; a head without bias gets a zero bias.</summary>
    public static LinearHead Of(IClassifier model, Device device)
    {
        var head = model.Head;
        using var noGrad = no_grad();
        var weight = Copy(head.Weight, device);
        var bias = head.Bias is { } b ? Copy(b, device) : zeros(new[] { weight.shape[0] }, ScalarType.Float64, device);
        return new LinearHead(weight, bias);
    }

    private static Tensor Copy(Tensor parameter, Device device)
    {
        using var detached = parameter.detach();
        using var moved = detached.to(ScalarType.Float64, device);
        return moved.clone();
    }

    /// <summary>Disposes both tensors.</summary>
    public void Dispose()
    {
        Weight.Dispose();
        Bias.Dispose();
    }
}
