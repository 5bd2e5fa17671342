using System.ComponentModel;
using MIForge.Abstractions;
using MIForge.Plugins.Data.Location;

namespace MIForge.Plugins.Data.Datasets;

/// <summary>Options of <see cref="FashionMnistDataset"/>.</summary>
public sealed class FashionMnistOptions : DatasetShapeOptions
{
    /// <summary>A folder holding the four IDX files; null searches the data roots, then Debian's dataset-fashion-mnist.</summary>
    [Description("Folder with train-/t10k- IDX files (raw or .gz). Default: $MIFORGE_DATA/fashion-mnist, <repo>/.cache/data/fashion-mnist, /usr/share/datasets/fashion-mnist.")]
    public string? Folder { get; set; }
}

/// <summary>Fashion-MNIST clothing images: 60 000 train and 10 000 test images, 1×28×28, 10 classes.</summary>
[Plugin("fashion-mnist", "Fashion-MNIST clothing images from IDX files (60000 train / 10000 test, 1x28x28, 10 classes)")]
public sealed class FashionMnistDataset(FashionMnistOptions options, IRunContext? context = null) : IDataset, IDescribedDataset, ICheckableDataset
{
    /// <inheritdoc/>
    public void CheckFiles()
    {
        if (options.Folder is null) DatasetFiles.Idx(DataLocator.FashionMnist());
        else DatasetFiles.IdxFolder(ManifestPath.Resolve(context, options.Folder));
    }

    /// <inheritdoc/>
    public DatasetFacts Describe() => options.Facts(10, new ImageShape(1, 28, 28));

    /// <summary>The ten class names in label order.</summary>
    public static readonly IReadOnlyList<string> ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Reads one part from the located IDX files.</summary>
    public ImageSet Load(DatasetPart part)
    {
        var files = options.Folder is null ? DataLocator.FashionMnist() : DataLocator.IdxFolder(ManifestPath.Resolve(context, options.Folder));
        return ImageSets.From(IdxDatasetReader.Read(files, part), 10, ClassNames, options);
    }
}
