using TorchSharp;
using F = TorchSharp.torch.nn.functional;
using static TorchSharp.torch;

namespace MIForge.Numerics.Augmentation;

/// <summary>Adds <paramref name="pixels"/> of constant <paramref name="value"/> on every side (28 → 32 with 2).</summary>
public sealed class Pad(int pixels, double value = 0) : IImageTransform
{
    /// <summary>Pixels added on each side.</summary>
    public int Pixels { get; } = pixels >= 0 ? pixels : throw new ArgumentOutOfRangeException(nameof(pixels));

    /// <summary>The padded batch.</summary>
    public torch.Tensor Apply(torch.Tensor images, Random random)
        => Pixels == 0 ? images.clone() : F.pad(images, [Pixels, Pixels, Pixels, Pixels], PaddingModes.Constant, value);
}
