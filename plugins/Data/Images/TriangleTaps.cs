namespace MIForge.Plugins.Data.Images;

/// <summary>The weights of an antialiased bilinear resize along one axis: output sample i takes the source samples
/// around centre origin + (i + ½)·scale, weighted by a triangle of half-width max(scale, 1), normalised to sum 1.</summary>
public sealed class TriangleTaps
{
    private readonly int[] starts;
    private readonly float[][] weights;

    private TriangleTaps(int[] starts, float[][] weights) { this.starts = starts; this.weights = weights; }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, int, int), TriangleTaps> Known = new();

    /// <summary>Taps mapping the source span [<paramref name="origin"/>, origin + <paramref name="length"/>) onto <paramref name="outSize"/> samples
    /// (computed once per span and size, then shared: taps are read-only).</summary>
    public static TriangleTaps For(int origin, int length, int outSize) => Known.GetOrAdd((origin, length, outSize), k => Compute(k.Item1, k.Item2, k.Item3));

    private static TriangleTaps Compute(int origin, int length, int outSize)
    {
        double scale = (double)length / outSize, stretch = Math.Max(scale, 1.0), support = stretch;
        var starts = new int[outSize];
        var weights = new float[outSize][];
        for (int i = 0; i < outSize; i++)
        {
            double centre = (i + 0.5) * scale;
            int lo = Math.Max((int)(centre - support + 0.5), 0), hi = Math.Min((int)(centre + support + 0.5), length);
            var w = new double[hi - lo];
            double total = 0;
            for (int k = 0; k < w.Length; k++)
            {
                double t = Math.Abs((lo + k - centre + 0.5) / stretch);
                w[k] = t < 1 ? 1 - t : 0;
                total += w[k];
            }
            starts[i] = origin + lo;
            weights[i] = w.Select(v => (float)(v / total)).ToArray();
        }
        return new TriangleTaps(starts, weights);
    }

    /// <summary>The first source index and the weights of output sample <paramref name="i"/>.</summary>
    public (int Start, float[] Weights) Window(int i) => (starts[i], weights[i]);
}
