using TorchSharp;
using F = TorchSharp.torch.nn.functional;
using static TorchSharp.torch;

namespace MIForge.Numerics.Augmentation;

/// <summary>Cuts a square window covering a fraction of the image area uniform in [<paramref name="minArea"/>,
/// <paramref name="maxArea"/>] at a random place and resizes it back to the full size (bilinear), per image.</summary>
public sealed class RandomResizedCrop(double minArea = 0.8, double maxArea = 1.0) : IImageTransform
{
    /// <summary>Smallest kept fraction of the area.</summary>
    public double MinArea { get; } = minArea is > 0 and <= 1 ? minArea : throw new ArgumentOutOfRangeException(nameof(minArea));

    /// <summary>Largest kept fraction of the area.</summary>
    public double MaxArea { get; } = maxArea >= minArea && maxArea <= 1 ? maxArea : throw new ArgumentOutOfRangeException(nameof(maxArea));

    /// <summary>The batch of resized crops, same shape as the input.</summary>
    public torch.Tensor Apply(torch.Tensor images, Random random)
    {
        long n = images.shape[0];
        var theta = new float[n * 6];
        for (long i = 0; i < n; i++)
        {
            var side = Math.Sqrt(MinArea + random.NextDouble() * (MaxArea - MinArea));
            var room = 1 - side;
            theta[i * 6 + 0] = (float)side;
            theta[i * 6 + 2] = (float)((random.NextDouble() * 2 - 1) * room);
            theta[i * 6 + 4] = (float)side;
            theta[i * 6 + 5] = (float)((random.NextDouble() * 2 - 1) * room);
        }
        using var scope = torch.NewDisposeScope();
        var grid = F.affine_grid(torch.tensor(theta, n, 2, 3).to(images.dtype), images.shape, align_corners: false);
        return scope.MoveToOuter(F.grid_sample(images, grid, align_corners: false));
    }
}
