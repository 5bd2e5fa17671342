using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Numerics.Loading;

/// <summary>One batch: images [B,C,H,W] float32 and labels [B] int64, owned by the receiver.</summary>
public sealed class Batch(torch.Tensor images, torch.Tensor labels, int[] indices) : IDisposable
{
    /// <summary>Images [B,C,H,W].</summary>
    public torch.Tensor Images { get; } = images;
    /// <summary>Labels [B].</summary>
    public torch.Tensor Labels { get; } = labels;
    /// <summary>Positions of the batch's images in the source set.</summary>
    public int[] Indices { get; } = indices;

    /// <summary>Disposes both tensors.</summary>
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
