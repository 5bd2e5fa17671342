using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Dependency;

/// <summary>Checks and flattens the paired sample a measure receives.</summary>
internal static class PairedSample
{
    /// <summary>x and y as new [m, features] views (trailing dimensions flattened); throws when the
    /// row counts differ or are below <paramref name="minimum"/>.</summary>
    public static (Tensor x, Tensor y) Rows(string measure, Tensor x, Tensor y, long minimum)
    {
        if (x.ndim < 1 || y.ndim < 1) throw new ArgumentException($"{measure}: x and y need a sample dimension, got [{Shape(x)}] and [{Shape(y)}]");
        var m = x.size(0);
        if (y.size(0) != m) throw new ArgumentException($"{measure}: x and y must have the same number of rows, got [{Shape(x)}] and [{Shape(y)}]");
        if (m < minimum) throw new ArgumentException($"{measure} needs at least {minimum} paired rows, got {m}");
        return (Flat(x), Flat(y));
    }

    private static Tensor Flat(Tensor t) => t.ndim == 1 ? t.reshape(t.size(0), 1) : t.flatten(1);

    private static string Shape(Tensor t) => string.Join(",", t.shape);
}
