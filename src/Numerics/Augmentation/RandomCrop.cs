using TorchSharp;
using F = TorchSharp.torch.nn.functional;
using static TorchSharp.torch;

namespace MIForge.Numerics.Augmentation;

/// <summary>Zero-pads by <paramref name="padding"/> then cuts a height × width window at a random place, per image.</summary>
public sealed class RandomCrop(int height, int width, int padding = 0) : IImageTransform
{
    /// <summary>Crop height.</summary>
    public int Height { get; } = height > 0 ? height : throw new ArgumentOutOfRangeException(nameof(height));
    /// <summary>Crop width.</summary>
    public int Width { get; } = width > 0 ? width : throw new ArgumentOutOfRangeException(nameof(width));
    /// <summary>Zero padding added on every side before cropping.</summary>
    public int Padding { get; } = padding >= 0 ? padding : throw new ArgumentOutOfRangeException(nameof(padding));

    /// <summary>The batch of crops [N,C,Height,Width].</summary>
    public torch.Tensor Apply(torch.Tensor images, Random random)
    {
        using var scope = torch.NewDisposeScope();
        var padded = Padding > 0 ? F.pad(images, [Padding, Padding, Padding, Padding]) : images;
        long h = padded.shape[2], w = padded.shape[3], n = padded.shape[0];
        if (Height > h || Width > w)
            throw new ArgumentException($"crop {Height}×{Width} is larger than the padded image {h}×{w}");
        var crops = new torch.Tensor[n];
        for (long i = 0; i < n; i++)
        {
            long top = random.Next((int)(h - Height + 1)), left = random.Next((int)(w - Width + 1));
            crops[i] = padded.select(0, i).narrow(1, top, Height).narrow(2, left, Width);
        }
        return scope.MoveToOuter(torch.stack(crops));
    }
}
