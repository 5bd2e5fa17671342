using MIForge.Numerics;
using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Ood.Fitting;

/// <summary>Penultimate features and logits of a whole image set, computed batch by batch without
/// gradients, in float64 on the classifier's device: what the fitted scorers learn from.</summary>
internal sealed class Activations : IDisposable
{
    private Activations(Tensor features, Tensor logits)
    {
        Features = features;
        Logits = logits;
    }

    /// <summary>[N, d] penultimate features.</summary>
    public Tensor Features { get; }

    /// <summary>[N, C] logits.</summary>
    public Tensor Logits { get; }

    /// <summary>Runs <paramref name="model"/> over <paramref name="images"/> [N,C,H,W] in batches.</summary>
    public static Activations Collect(IClassifier model, Tensor images)
    {
        if (images.shape[0] == 0) throw new ArgumentException("fitting an OOD scorer needs at least one in-distribution image", nameof(images));
        var (logits, features) = ChunkedForward.Run(model, images, ScalarType.Float64, ChunkedForward.DeviceOf(model));
        return new Activations(features, logits);
    }

    /// <summary>Disposes both tensors.</summary>
    public void Dispose()
    {
        Features.Dispose();
        Logits.Dispose();
    }
}
