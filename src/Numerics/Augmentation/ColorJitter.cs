using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Numerics.Augmentation;

/// <summary>Per image, scales brightness by a factor in [1−b, 1+b], contrast (about the image mean) by one in [1−c, 1+c]
/// and, for RGB, saturation (about the gray value) by one in [1−s, 1+s]; results are clamped to [0,1].</summary>
public sealed class ColorJitter(double brightness = 0.2, double contrast = 0.2, double saturation = 0.2) : IImageTransform
{
    /// <summary>Largest relative brightness change.</summary>
    public double Brightness { get; } = brightness is >= 0 and <= 1 ? brightness : throw new ArgumentOutOfRangeException(nameof(brightness));
    /// <summary>Largest relative contrast change.</summary>
    public double Contrast { get; } = contrast is >= 0 and <= 1 ? contrast : throw new ArgumentOutOfRangeException(nameof(contrast));
    /// <summary>Largest relative saturation change (RGB only).</summary>
    public double Saturation { get; } = saturation is >= 0 and <= 1 ? saturation : throw new ArgumentOutOfRangeException(nameof(saturation));

    /// <summary>The jittered batch.</summary>
    public torch.Tensor Apply(torch.Tensor images, Random random)
    {
        long n = images.shape[0], c = images.shape[1];
        using var scope = torch.NewDisposeScope();
        var x = images.mul(Factors(n, Brightness, random)).clamp(0, 1);
        var mean = x.mean([1L, 2L, 3L], keepdim: true);
        x = x.sub(mean).mul(Factors(n, Contrast, random)).add(mean).clamp(0, 1);
        if (c == 3)
        {
            using var weights = torch.tensor(new[] { 0.299f, 0.587f, 0.114f }, 1, 3, 1, 1);
            var gray = x.mul(weights).sum(1, keepdim: true);
            x = x.sub(gray).mul(Factors(n, Saturation, random)).add(gray).clamp(0, 1);
        }
        return scope.MoveToOuter(x);
    }

    private static torch.Tensor Factors(long n, double spread, Random random)
    {
        var f = new float[n];
        for (long i = 0; i < n; i++) f[i] = (float)(1 + (random.NextDouble() * 2 - 1) * spread);
        return torch.tensor(f, n, 1, 1, 1);
    }
}
