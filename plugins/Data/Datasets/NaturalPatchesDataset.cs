using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using MIForge.Plugins.Data.Location;
using MIForge.Plugins.Data.Synthetic;

namespace MIForge.Plugins.Data.Datasets;

/// <summary>Options of <see cref="NaturalPatchesDataset"/>.</summary>
public sealed class NaturalPatchesOptions : IValidatableOptions
{
    /// <summary>Patches in the train part.</summary>
    [Range(0, 10_000_000), Description("Patches in the train part.")]
    public int TrainCount { get; set; } = 10000;

    /// <summary>Patches in the test part.</summary>
    [Range(0, 10_000_000), Description("Patches in the test part.")]
    public int TestCount { get; set; } = 1000;

    /// <summary>Channels per patch.</summary>
    [Range(1, 3), Description("Channels per patch: 1 (luma) or 3 (RGB).")]
    public int Channels { get; set; } = 1;

    /// <summary>Square patch size.</summary>
    [Range(1, 1024), Description("Square patch size in pixels (crops are resized to it).")]
    public int Size { get; set; } = 28;

    /// <summary>Folder of PNG photos; null uses $MIFORGE_NATURAL_IMAGES, then python3-skimage's data folder.</summary>
    [Description("Folder of PNG photos. Default: $MIFORGE_NATURAL_IMAGES, then /usr/lib/python3/dist-packages/skimage/data.")]
    public string? Folder { get; set; }

    /// <summary>PNG file names in the folder; null uses the skimage photographs.</summary>
    [Description("PNG file names in the folder. Default: astronaut, brick, camera, chelsea, coffee, coins, grass, gravel, moon, motorcycle_left/right.")]
    public List<string>? Photos { get; set; }

    /// <summary>Smallest crop side as a fraction of the photo's shorter side.</summary>
    [Range(0.01, 1.0), Description("Smallest crop side, as a fraction of the photo's shorter side.")]
    public double MinFraction { get; set; } = 0.1;

    /// <summary>Largest crop side as a fraction of the photo's shorter side.</summary>
    [Range(0.01, 1.0), Description("Largest crop side, as a fraction of the photo's shorter side.")]
    public double MaxFraction { get; set; } = 0.5;

    /// <summary>Whether crops are mirrored at random.</summary>
    [Description("Mirror half of the crops left-right.")]
    public bool Flip { get; set; } = true;

    /// <summary>Seed; null uses the run's seed. The test part uses a different stream.</summary>
    [Description("Seed. Default: the run's seed.")]
    public int? Seed { get; set; }

    /// <inheritdoc/>
    public IEnumerable<OptionFailure> Validate()
    {
        if (MinFraction > MaxFraction)
            yield return new("minFraction", $"minFraction {MinFraction} is larger than maxFraction {MaxFraction}; expected minFraction ≤ maxFraction");
    }
}

/// <summary>Random crops of natural photographs at the target size: auxiliary OOD data (BiDO+); one class "natural".</summary>
[Plugin("natural-patches", "Random crops of natural photos (python3-skimage data) at the target size, gray or RGB (auxiliary OOD data)")]
public sealed class NaturalPatchesDataset(NaturalPatchesOptions options, IRunContext? context = null) : IDataset
{
    /// <summary>Crops the part; the same seed gives the same patches.</summary>
    public ImageSet Load(DatasetPart part)
    {
        if (options.MinFraction > options.MaxFraction)
            throw new ArgumentException($"natural-patches: minFraction {options.MinFraction} is larger than maxFraction {options.MaxFraction}");
        var folder = options.Folder is null ? DataLocator.NaturalPhotos() : ManifestPath.Resolve(context, options.Folder);
        var photos = NaturalPatches.LoadPhotos(folder, options.Channels, options.Photos);
        int seed = HeldOutPart.Seed(options.Seed, context) + (part == DatasetPart.Test ? 1_000_003 : 0);
        var raw = NaturalPatches.Sample(photos, part == DatasetPart.Train ? options.TrainCount : options.TestCount,
            options.Size, options.Size, seed, options.MinFraction, options.MaxFraction, options.Flip);
        return ImageSets.From(raw, 1, ["natural"]);
    }
}
