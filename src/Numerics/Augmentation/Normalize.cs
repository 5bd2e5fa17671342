using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Numerics.Augmentation;

/// <summary>(x − mean[c]) / std[c] per channel; one value applies to every channel.</summary>
public sealed class Normalize : IImageTransform
{
    /// <summary>Per-channel means.</summary>
    public double[] Mean { get; }
    /// <summary>Per-channel standard deviations (all positive).</summary>
    public double[] Std { get; }

    /// <summary>Checks that mean and std have the same length and std is positive.</summary>
    public Normalize(double[] mean, double[] std)
    {
        if (mean.Length == 0 || mean.Length != std.Length) throw new ArgumentException($"normalize needs as many means as stds, got {mean.Length} and {std.Length}");
        if (std.Any(s => !(s > 0))) throw new ArgumentException("normalize std values must be positive");
        Mean = mean; Std = std;
    }

    /// <summary>The normalised batch.</summary>
    public torch.Tensor Apply(torch.Tensor images, Random random)
    {
        long c = images.shape[1];
        if (Mean.Length != 1 && Mean.Length != c) throw new ArgumentException($"normalize has {Mean.Length} channel values, the images have {c} channels");
        using var mean = torch.tensor(Expand(Mean, c), 1, c, 1, 1);
        using var std = torch.tensor(Expand(Std, c), 1, c, 1, 1);
        using var centred = images.sub(mean);
        return centred.div(std);
    }

    private static float[] Expand(double[] values, long channels)
        => Enumerable.Range(0, (int)channels).Select(i => (float)values[values.Length == 1 ? 0 : i]).ToArray();
}
