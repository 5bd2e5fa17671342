using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Numerics;

/// <summary>Runs a classifier over many images in chunks, in eval mode and without gradients.</summary>
public static class ChunkedForward
{
    /// <summary>Images per forward pass.</summary>
    public const int Chunk = 256;

    /// <summary>The device the classifier's parameters live on (CPU for a parameterless model).</summary>
    public static Device DeviceOf(IClassifier model) => model.Module.parameters().FirstOrDefault()?.device ?? CPU;

    /// <summary>
    /// Logits [N, classes] and flattened penultimate features [N, d] in <paramref name="dtype"/>, on
    /// <paramref name="resultDevice"/> (the CPU by default); the caller owns both.
    /// </summary>
    public static (Tensor Logits, Tensor Features) Run(IClassifier model, Tensor images, ScalarType dtype = ScalarType.Float32, Device? resultDevice = null)
    {
        var n = images.shape[0];
        if (n == 0) throw new ArgumentException("the classifier was given no images", nameof(images));
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        model.Module.eval();
        var device = DeviceOf(model);
        var target = resultDevice ?? CPU;
        var logits = new List<Tensor>();
        var features = new List<Tensor>();
        for (long start = 0; start < n; start += Chunk)
        {
            var batch = images.narrow(0, start, Math.Min(Chunk, n - start)).to(device);
            using var output = model.Forward(batch);
            logits.Add(output.Logits.to(dtype, target));
            features.Add(output.Features.flatten(1).to(dtype, target));
        }
        return (cat(logits.ToArray(), 0).MoveToOuterDisposeScope(), cat(features.ToArray(), 0).MoveToOuterDisposeScope());
    }
}
