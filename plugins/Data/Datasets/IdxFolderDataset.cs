using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using MIForge.Plugins.Data.Formats;
using MIForge.Plugins.Data.Location;

namespace MIForge.Plugins.Data.Datasets;

/// <summary>Options of <see cref="IdxFolderDataset"/>.</summary>
public sealed class IdxFolderOptions : DatasetShapeOptions
{
    /// <summary>The folder holding train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (each raw or .gz).</summary>
    [Required, Description("Folder holding train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (each raw or .gz).")]
    public string? Folder { get; set; }

    /// <summary>Class names in label order; null names classes by number.</summary>
    [Description("Class names in label order. Default: \"0\", \"1\", ...")]
    public List<string>? ClassNames { get; set; }
}

/// <summary>Any MNIST-style IDX data set by folder (e.g. KMNIST, EMNIST digits); the class count is the largest label + 1 over both parts.</summary>
[Plugin("idx", "Any MNIST-style IDX folder (train-/t10k- images and labels, raw or .gz)")]
public sealed class IdxFolderDataset(IdxFolderOptions options, IRunContext? context = null) : IDataset, ICheckableDataset
{
    /// <inheritdoc/>
    public void CheckFiles() =>
        DatasetFiles.IdxFolder(ManifestPath.Resolve(context, options.Folder ?? throw new ArgumentException("idx: folder is required")));

    /// <summary>Reads one part; the class count comes from both label files so train and test agree.</summary>
    public ImageSet Load(DatasetPart part)
    {
        var files = DataLocator.IdxFolder(ManifestPath.Resolve(context, options.Folder ?? throw new ArgumentException("idx: folder is required")));
        var raw = IdxDatasetReader.Read(files, part);
        long largest = Math.Max(Idx.ReadLabels(files.TrainLabels).DefaultIfEmpty().Max(), Idx.ReadLabels(files.TestLabels).DefaultIfEmpty().Max());
        int classes = (int)largest + 1;
        var names = options.ClassNames?.ToArray() ?? Enumerable.Range(0, classes).Select(i => i.ToString()).ToArray();
        if (names.Length < classes)
            throw FileProblem.At(files.TrainLabels, $"labels go up to {largest}, but classNames has only {names.Length} names");
        return ImageSets.From(raw, names.Length, names, options);
    }
}
