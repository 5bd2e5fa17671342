using MIForge.Abstractions;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace MIForge.Plugins.Data.Datasets;

/// <summary>Options every file-backed dataset shares: channel count, size, padding, class selection and per-class caps.</summary>
public class DatasetShapeOptions
{
    /// <summary>1 (gray) or 3 (RGB); null keeps the data's own.</summary>
    [Range(1, 3), Description("Channels to deliver: 1 (gray; RGB becomes luma) or 3 (RGB; gray is repeated). Default: the data's own.")]
    public int? Channels { get; set; }

    /// <summary>Square size to resize to; null keeps the data's own.</summary>
    [Range(1, 4096), Description("Resize every image to this square size (area averaging when shrinking, bilinear when growing). Default: keep.")]
    public int? Size { get; set; }

    /// <summary>Zero pixels added on every side after resizing.</summary>
    [Range(0, 1024), Description("Zero padding added on every side after resizing, e.g. 2 turns 28×28 into 32×32.")]
    public int Pad { get; set; }

    /// <summary>Dataset classes to keep, relabelled 0..k-1 in this order; null keeps all.</summary>
    [Description("Keep only these dataset classes, relabelled 0..k-1 in the order given. Default: all classes.")]
    public List<int>? Classes { get; set; }

    /// <summary>At most this many images per class (the first ones), for quick runs; null keeps all.</summary>
    [Range(1, int.MaxValue), Description("Keep at most this many images per class (the first ones in file order), for quick runs.")]
    public int? PerClass { get; set; }

    /// <summary>The class count and image shape these options make of a dataset with <paramref name="classCount"/>
    /// classes of <paramref name="raw"/> images, without reading any image.</summary>
    public DatasetFacts Facts(int classCount, ImageShape raw)
    {
        var (height, width) = Size is int s ? (s, s) : (raw.Height, raw.Width);
        return new DatasetFacts(Classes?.Count ?? classCount, new ImageShape(Channels ?? raw.Channels, height + 2 * Pad, width + 2 * Pad));
    }
}
