using TorchSharp;
using F = TorchSharp.torch.nn.functional;
using static TorchSharp.torch;

namespace MIForge.Numerics.Augmentation;

/// <summary>Resizes to height × width: area averaging when shrinking (adaptive average pooling), bilinear otherwise.</summary>
public sealed class Resize(int height, int width) : IImageTransform
{
    /// <summary>Output height.</summary>
    public int Height { get; } = height > 0 ? height : throw new ArgumentOutOfRangeException(nameof(height));
    /// <summary>Output width.</summary>
    public int Width { get; } = width > 0 ? width : throw new ArgumentOutOfRangeException(nameof(width));

    /// <summary>The batch at the new size (a copy even when the size is unchanged).</summary>
    public torch.Tensor Apply(torch.Tensor images, Random random) => To(images, Height, Width);

    /// <summary>Resizes [N,C,H,W] images without needing an instance.</summary>
    public static torch.Tensor To(torch.Tensor images, int height, int width)
    {
        long h = images.shape[2], w = images.shape[3];
        if (h == height && w == width) return images.clone();
        return height <= h && width <= w
            ? F.adaptive_avg_pool2d(images, [height, width])
            : F.interpolate(images, size: [height, width], mode: InterpolationMode.Bilinear, align_corners: false).clamp(0, 1);
    }
}
