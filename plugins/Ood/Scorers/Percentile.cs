using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Ood.Scorers;

/// <summary>Percentiles of large tensors (torch.quantile refuses more than 2^24 elements).</summary>
internal static class Percentile
{
    /// <summary>The q-th percentile (0–100) of all elements, interpolating linearly between order statistics (numpy's default).</summary>
    public static double Linear(Tensor values, double q)
    {
        var n = values.numel();
        if (n == 0) throw new ArgumentException("the percentile of no values is undefined", nameof(values));
        using var flat = values.flatten();
        var position = q / 100 * (n - 1);
        var below = (long)Math.Floor(position);
        var above = Math.Min(below + 1, n - 1);
        var low = OrderStatistic(flat, below);
        var high = above == below ? low : OrderStatistic(flat, above);
        return low + (position - below) * (high - low);
    }

    private static double OrderStatistic(Tensor flat, long index)
    {
        var (value, position) = flat.kthvalue(index + 1, 0);
        position.Dispose();
        using (value) return value.ToDouble();
    }
}
