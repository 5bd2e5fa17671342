using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using MIForge.Plugins.Data.Formats;
using MIForge.Plugins.Data.Images;

namespace MIForge.Plugins.Data.Datasets;

/// <summary>Options of <see cref="ImageFolderDataset"/>.</summary>
public sealed class ImageFolderOptions : DatasetShapeOptions
{
    /// <summary>Root of the training images: one sub-folder of image files per class.</summary>
    [Required, Description("Folder with one sub-folder of JPEG/PNG/BMP/WebP images per class (class names sorted give labels 0..k-1).")]
    public string? Train { get; set; }

    /// <summary>Root of the test images (same class folders); null holds out a fraction of Train.</summary>
    [Description("Folder of test images with the same class sub-folders. Default: hold out testFraction of train.")]
    public string? Test { get; set; }

    /// <summary>Fraction of each class held out as the test part when Test is not given.</summary>
    [Range(0.0, 0.9), Description("Fraction of each class held out for testing when no test folder is given.")]
    public double TestFraction { get; set; } = 0.1;

    /// <summary>Largest width × height a file's header may claim; larger files are refused before decoding.</summary>
    [Range(1, long.MaxValue), Description("Refuse (before decoding) any image whose header claims more than this many pixels (width × height).")]
    public long MaxPixels { get; set; } = ImageDecoder.DefaultMaxPixels;

    /// <summary>Seed of the held-out split; null uses the run's seed.</summary>
    [Description("Seed of the held-out split. Default: the run's seed.")]
    public int? Seed { get; set; }
}

/// <summary>Users' own images (e.g. face crops): root/&lt;class&gt;/*.jpg|png|bmp|webp (decoded by <see cref="Formats.ImageDecoder"/>).</summary>
[Plugin("image-folder", "JPEG/PNG/BMP/WebP images in one sub-folder per class (e.g. face crops); optional test folder or held-out fraction")]
public sealed class ImageFolderDataset(ImageFolderOptions options, IRunContext? context = null) : IDataset, ICheckableDataset
{
    /// <inheritdoc/>
    public void CheckFiles()
    {
        var train = DatasetFiles.ImageFolderTree(ManifestPath.Resolve(context, options.Train ?? throw new ArgumentException("image-folder: train is required")));
        if (options.Test is null) return;
        var test = DatasetFiles.ImageFolderTree(ManifestPath.Resolve(context, options.Test));
        if (!test.Classes.SequenceEqual(train.Classes))
            throw FileProblem.At(test.Root, $"has class folders {string.Join(", ", test.Classes)}; expected the same as {train.Root}: {string.Join(", ", train.Classes)}");
    }

    /// <summary>Decodes the part's images; images of other sizes are resized when a size is given.</summary>
    public ImageSet Load(DatasetPart part)
    {
        var train = ImageFolder.Scan(ManifestPath.Resolve(context, options.Train ?? throw new ArgumentException("image-folder: train is required")));
        var size = options.Size is int s ? (s, s) : ((int, int)?)null;
        RawImages raw;
        if (options.Test is null)
            raw = HeldOutPart.Of(train.Load(options.Channels, size, options.MaxPixels), part, options.TestFraction, HeldOutPart.Seed(options.Seed, context));
        else if (part == DatasetPart.Train)
            raw = train.Load(options.Channels, size, options.MaxPixels);
        else
        {
            var test = ImageFolder.Scan(ManifestPath.Resolve(context, options.Test));
            if (!test.Classes.SequenceEqual(train.Classes))
                throw FileProblem.At(test.Root, $"has class folders {string.Join(", ", test.Classes)}; expected the same as {train.Root}: {string.Join(", ", train.Classes)}");
            raw = test.Load(options.Channels ?? train.DefaultChannels(options.MaxPixels), size, options.MaxPixels);
        }
        return ImageSets.From(raw, train.Classes.Count, train.Classes, options);
    }
}
