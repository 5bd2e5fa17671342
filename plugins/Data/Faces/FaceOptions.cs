using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using MIForge.Plugins.Data.Datasets;
using MIForge.Plugins.Data.Formats;
using MIForge.Plugins.Data.Images;

namespace MIForge.Plugins.Data.Faces;

/// <summary>Options every face data set shares: crop, cache, header bound and the held-out test part.</summary>
public class FaceOptions : DatasetShapeOptions
{
    /// <summary>Side of the centred square cut before resizing; null keeps the whole image.</summary>
    [Range(1, 4096), Description("Side of the centred square cut from each image before resizing to size (GMI's CelebA: 108). Default: the whole image.")]
    public int? Crop { get; set; }

    /// <summary>Folder of decoded-image caches; "off" decodes every run.</summary>
    [Description("Folder for the decoded uint8 cache (keyed by file list, sizes and crop), or \"off\". Default: $XDG_CACHE_HOME/miforge/faces (~/.cache/miforge/faces).")]
    public string? Cache { get; set; }

    /// <summary>Largest width × height a file's header may claim.</summary>
    [Range(1, long.MaxValue), Description("Refuse (before decoding) any image whose header claims more than this many pixels (width × height).")]
    public long MaxPixels { get; set; } = ImageDecoder.DefaultMaxPixels;

    /// <summary>Fraction of each class held out as the test part.</summary>
    [Range(0.0, 0.9), Description("Fraction of each identity's images held out as the test part.")]
    public double TestFraction { get; set; } = 0.1;

    /// <summary>Seed of the held-out split; null uses the run's seed.</summary>
    [Description("Seed of the held-out split. Default: the run's seed.")]
    public int? Seed { get; set; }

    /// <summary>The decoding recipe: crop, size (default 64), channels (default 3).</summary>
    public DecodeRecipe Recipe() => new(Crop, Size ?? 64, Channels ?? 3, MaxPixels);

    /// <summary>The cache folder to use, or null when caching is off.</summary>
    public string? CacheFolder(IRunContext? context)
    {
        if (string.Equals(Cache, "off", StringComparison.OrdinalIgnoreCase)) return null;
        if (Cache is not null) return ManifestPath.Resolve(context, Cache);
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "miforge", "faces");
    }

    /// <summary>What the data set delivers for <paramref name="classCount"/> classes, without reading an image.</summary>
    public DatasetFacts FaceFacts(int classCount)
    {
        var recipe = Recipe();
        return new DatasetFacts(Classes?.Count ?? classCount, new ImageShape(recipe.Channels, recipe.Size + 2 * Pad, recipe.Size + 2 * Pad));
    }

    /// <summary>The shared options left to apply after decoding: class selection, per-class cap and padding.</summary>
    public DatasetShapeOptions AfterDecoding() => new() { Classes = Classes, PerClass = PerClass, Pad = Pad };
}
