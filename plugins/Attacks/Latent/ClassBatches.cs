using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Attacks.Latent;

/// <summary>One batch of target classes, each repeated for the reconstructions wanted per class.</summary>
/// <param name="Index">Zero-based batch number (part of the batch's seed).</param>
/// <param name="Classes">The classes of the batch.</param>
/// <param name="PerClass">Rows per class.</param>
public sealed record ClassBatch(int Index, IReadOnlyList<int> Classes, int PerClass)
{
    /// <summary>Rows in the batch: classes × per-class.</summary>
    public int Rows => Classes.Count * PerClass;

    /// <summary>Row labels [rows] int64, class-major (c0 ×perClass, c1 ×perClass, ...).</summary>
    public Tensor Labels(Device device)
    {
        using var cpu = tensor(Classes.SelectMany(c => Enumerable.Repeat((long)c, PerClass)).ToArray());
        return cpu.to(device);
    }

    /// <summary>Splits <paramref name="classes"/> into batches of at most <paramref name="size"/> classes.</summary>
    public static IReadOnlyList<ClassBatch> Split(IReadOnlyList<int> classes, int perClass, int size) =>
        classes.Chunk(Math.Max(1, size)).Select((c, i) => new ClassBatch(i, c, perClass)).ToArray();
}
