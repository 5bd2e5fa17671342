using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Abstractions;

/// <summary>An attack's result: images it claims show the target classes. Owns its tensors.</summary>
/// <param name="Images">[N,C,H,W] float32 in [0,1].</param>
/// <param name="Classes">[N] int64: the target label each image was inverted for.</param>
/// <param name="Latents">[N,d] the prior latents that produced the images, or null.</param>
public sealed record Reconstructions(torch.Tensor Images, torch.Tensor Classes, torch.Tensor? Latents = null) : IDisposable
{
    /// <summary>Disposes images, classes and latents.</summary>
    public void Dispose()
    {
        Images.Dispose();
        Classes.Dispose();
        Latents?.Dispose();
    }
}
