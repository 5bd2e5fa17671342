using MIForge.Abstractions;
using MIForge.Plugins.Data.Images;
using MIForge.Plugins.Data.Splits;
using MIForge.Numerics.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Data.Datasets;

/// <summary>Turns plain-array images into the host's <see cref="ImageSet"/> (float32 [N,C,H,W] in [0,1], int64 labels),
/// applying the shared dataset options on the way.</summary>
public static class ImageSets
{
    /// <summary>Selects classes and caps per class, then converts and reshapes; <paramref name="names"/> are the dataset's class names.</summary>
    public static ImageSet From(RawImages raw, int classCount, IReadOnlyList<string>? names, DatasetShapeOptions options)
    {
        if (options.Classes is { } classes)
        {
            foreach (int c in classes)
                if (c < 0 || c >= classCount)
                    throw new ArgumentException($"classes lists class {c}, but the dataset has {classCount} classes (0..{classCount - 1})");
            raw = ClassSubset.Keep(raw, classes);
            names = names is null ? null : classes.Select(c => names[c]).ToArray();
            classCount = classes.Count;
        }
        if (options.PerClass is int cap) raw = ClassSubset.CapPerClass(raw, cap);
        return From(raw, classCount, names, options.Channels, options.Size, options.Pad);
    }

    /// <summary>Converts to tensors, then changes the channel count, resizes to a square size and pads, each when asked.</summary>
    public static ImageSet From(RawImages raw, int classCount, IReadOnlyList<string>? names, int? channels = null, int? size = null, int pad = 0)
    {
        if (channels is not (null or 1 or 3)) throw new ArgumentException($"channels must be 1 or 3, got {channels}");
        using var scope = torch.NewDisposeScope();
        long[] shape = [raw.Count, raw.Channels, raw.Height, raw.Width];
        var images = raw.Bytes is not null
            ? torch.tensor(raw.Bytes, shape).to(ScalarType.Float32).div_(255.0)
            : torch.tensor(raw.Floats!, shape);
        if (channels is int c && c != raw.Channels) images = ChannelCount.To(images, c);
        if (size is int s) images = Resize.To(images, s, s);
        if (pad > 0) images = new Pad(pad).Apply(images, Random.Shared);
        var labels = torch.tensor(raw.Labels ?? new long[raw.Count], [raw.Count]);
        return new ImageSet(scope.MoveToOuter(images.contiguous()), scope.MoveToOuter(labels), classCount, names);
    }
}
