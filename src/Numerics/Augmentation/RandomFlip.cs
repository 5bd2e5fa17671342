using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Numerics.Augmentation;

/// <summary>Mirrors each image left–right with probability <paramref name="probability"/>.</summary>
public sealed class RandomFlip(double probability = 0.5) : IImageTransform
{
    /// <summary>Chance that one image is mirrored.</summary>
    public double Probability { get; } = probability is >= 0 and <= 1 ? probability : throw new ArgumentOutOfRangeException(nameof(probability));

    /// <summary>The batch with a random subset of images mirrored.</summary>
    public torch.Tensor Apply(torch.Tensor images, Random random)
    {
        long n = images.shape[0];
        var flags = new float[n];
        for (long i = 0; i < n; i++) flags[i] = random.NextDouble() < Probability ? 1f : 0f;
        using var mask = torch.tensor(flags, n, 1, 1, 1);
        using var flipped = images.flip(3);
        using var keep = 1.0 - mask;
        using var a = flipped.mul(mask);
        using var b = images.mul(keep);
        return a.add(b);
    }
}
