using TorchSharp;
using F = TorchSharp.torch.nn.functional;
using static TorchSharp.torch;

namespace MIForge.Numerics.Augmentation;

/// <summary>Rotates each image about its centre by an angle uniform in ±<paramref name="degrees"/> (bilinear, zeros outside).</summary>
public sealed class RandomRotation(double degrees) : IImageTransform
{
    /// <summary>Largest rotation in degrees, either way.</summary>
    public double Degrees { get; } = degrees >= 0 ? degrees : throw new ArgumentOutOfRangeException(nameof(degrees));

    /// <summary>The rotated batch.</summary>
    public torch.Tensor Apply(torch.Tensor images, Random random)
    {
        long n = images.shape[0];
        var theta = new float[n * 6];
        for (long i = 0; i < n; i++)
        {
            double a = (random.NextDouble() * 2 - 1) * Degrees * Math.PI / 180;
            float cos = (float)Math.Cos(a), sin = (float)Math.Sin(a);
            theta[i * 6 + 0] = cos; theta[i * 6 + 1] = -sin;
            theta[i * 6 + 3] = sin; theta[i * 6 + 4] = cos;
        }
        using var scope = torch.NewDisposeScope();
        var grid = F.affine_grid(torch.tensor(theta, n, 2, 3).to(images.dtype), images.shape, align_corners: false);
        return scope.MoveToOuter(F.grid_sample(images, grid, align_corners: false));
    }
}
