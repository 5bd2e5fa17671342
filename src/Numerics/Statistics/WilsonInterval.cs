namespace MIForge.Numerics.Statistics;

/// <summary>Wilson score interval of a binomial proportion: where the true rate of hits lies, at the
/// given confidence, after <c>hits</c> successes in <c>trials</c>. Unlike the normal approximation it
/// stays inside [0, 1] and is usable at the small counts attacks produce (40 reconstructions: ±15 points).</summary>
public static class WilsonInterval
{
    /// <summary>z of the two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The (low, high) bounds for <paramref name="hits"/> of <paramref name="trials"/>; (0, 1) for no trials.</summary>
    public static (double Low, double High) Of(long hits, long trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hits, trials);
        if (trials == 0) return (0, 1);
        double n = trials, p = hits / n, z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
