using System.ComponentModel;
using MIForge.Abstractions;
using MIForge.Plugins.Data.Location;

namespace MIForge.Plugins.Data.Datasets;

/// <summary>Options of <see cref="MnistDataset"/>.</summary>
public sealed class MnistOptions : DatasetShapeOptions
{
    /// <summary>A folder holding the four IDX files; null searches $MIFORGE_DATA/mnist and &lt;repo&gt;/.cache/data/mnist.</summary>
    [Description("Folder with train-/t10k- IDX files (raw or .gz). Default: $MIFORGE_DATA/mnist, then <repo>/.cache/data/mnist (filled by `make data`).")]
    public string? Folder { get; set; }
}

/// <summary>MNIST handwritten digits: 60 000 train and 10 000 test images, 1×28×28, classes 0–9.</summary>
[Plugin("mnist", "MNIST handwritten digits from IDX files (60000 train / 10000 test, 1x28x28, 10 classes)")]
public sealed class MnistDataset(MnistOptions options, IRunContext? context = null) : IDataset, IDescribedDataset, ICheckableDataset
{
    /// <inheritdoc/>
    public void CheckFiles()
    {
        if (options.Folder is null) DatasetFiles.Idx(DataLocator.Mnist());
        else DatasetFiles.IdxFolder(ManifestPath.Resolve(context, options.Folder));
    }

    /// <inheritdoc/>
    public DatasetFacts Describe() => options.Facts(10, new ImageShape(1, 28, 28));

    /// <summary>The digit names "0".."9".</summary>
    public static readonly IReadOnlyList<string> ClassNames = Enumerable.Range(0, 10).Select(i => i.ToString()).ToArray();

    /// <summary>Reads one part from the located IDX files.</summary>
    public ImageSet Load(DatasetPart part)
    {
        var files = options.Folder is null ? DataLocator.Mnist() : DataLocator.IdxFolder(ManifestPath.Resolve(context, options.Folder));
        return ImageSets.From(IdxDatasetReader.Read(files, part), 10, ClassNames, options);
    }
}
