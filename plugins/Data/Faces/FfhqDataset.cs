using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using MIForge.Plugins.Data.Datasets;
using MIForge.Plugins.Data.Formats;
using MIForge.Plugins.Data.Images;

namespace MIForge.Plugins.Data.Faces;

/// <summary>Options of <see cref="FfhqDataset"/>.</summary>
public sealed class FfhqOptions : FaceOptions
{
    /// <summary>The FFHQ folder.</summary>
    [Required, Description("FFHQ folder of images (e.g. thumbnails128x128/, flat or in numbered sub-folders; every JPEG/PNG/BMP/WebP below it).")]
    public string? Root { get; set; }
}

/// <summary>FFHQ faces: unlabelled public data, every image one class ("ffhq"), resized to 64.</summary>
[Plugin("ffhq", "FFHQ faces (a folder of images, searched recursively), unlabelled public data resized to 64")]
public sealed class FfhqDataset(FfhqOptions options, IRunContext? context = null, IProgressReporter? progress = null) : IDataset, IDescribedDataset
{
    /// <inheritdoc/>
    public DatasetFacts Describe() => options.FaceFacts(1);

    /// <summary>Decodes (or reads from the cache) the part's images.</summary>
    public ImageSet Load(DatasetPart part)
    {
        var root = ManifestPath.Resolve(context, options.Root ?? throw new ArgumentException("ffhq: root is required"));
        if (!Directory.Exists(root))
            throw FileProblem.At(root, "FFHQ folder not found; expected a folder of face images such as thumbnails128x128 from https://github.com/NVlabs/ffhq-dataset");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(ImageDecoder.HasImageExtension).Order(StringComparer.Ordinal)
            .Select(f => new LabelledFile(f, 0)).ToArray();
        if (files.Length == 0)
            throw FileProblem.At(root, "has no .jpg, .jpeg, .png, .bmp or .webp files; expected FFHQ's images below it");
        return FaceParts.Load(files, 1, ["ffhq"], options, part, context, progress, "ffhq");
    }
}
