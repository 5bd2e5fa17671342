using MIForge.Plugins.Data.Formats;
using MIForge.Plugins.Data.Images;
using MIForge.Plugins.Data.Location;

namespace MIForge.Plugins.Data.Datasets;

/// <summary>The header-only checks of <see cref="MIForge.Abstractions.ICheckableDataset"/>: files and folders exist,
/// magic numbers, dimensions and sizes agree, image and label counts match. No image is read or decoded.</summary>
internal static class DatasetFiles
{
    /// <summary>An IDX folder given in the manifest: it exists and holds the four files, whose headers are sound.</summary>
    public static void IdxFolder(string folder)
    {
        if (!Directory.Exists(folder))
            throw FileProblem.At(folder, $"folder not found; expected a folder holding {string.Join(", ", IdxSplitFiles.StandardNames)} (each raw or .gz)");
        Idx(IdxSplitFiles.InFolder(folder, out var missing)
            ?? throw FileProblem.At(folder, $"missing {string.Join(", ", missing)}; expected {string.Join(", ", IdxSplitFiles.StandardNames)} (each raw or .gz)"));
    }

    /// <summary>The headers of both parts; both parts must have one image size.</summary>
    public static void Idx(IdxSplitFiles files)
    {
        var train = Formats.Idx.CheckHeaders(files.TrainImages, files.TrainLabels);
        var test = Formats.Idx.CheckHeaders(files.TestImages, files.TestLabels);
        if ((train.Height, train.Width) != (test.Height, test.Width))
            throw FileProblem.At(files.TestImages, $"images are {test.Height}×{test.Width} but {files.TrainImages} has {train.Height}×{train.Width}; expected one size");
    }

    /// <summary>An image .npy and its label .npy: image shape N×H×W, N×C×H×W or N×H×W×C, labels one dimension of N.</summary>
    public static void NpyPair(string imagesPath, string labelsPath)
    {
        var images = Npy.Shape(imagesPath);
        string shape = $"({string.Join(", ", images)})";
        if (images.Length is not (3 or 4))
            throw FileProblem.At(imagesPath, $"image array has shape {shape}; expected N×H×W, N×C×H×W or N×H×W×C");
        if (images.Skip(1).Any(d => d == 0))
            throw FileProblem.At(imagesPath, $"image array has shape {shape} with an empty channel or spatial axis");
        var labels = Npy.Shape(labelsPath);
        if (labels.Length != 1)
            throw FileProblem.At(labelsPath, $"labels have shape ({string.Join(", ", labels)}); expected one dimension (N)");
        if (labels[0] != images[0])
            throw FileProblem.At(labelsPath, $"has {labels[0]} labels but {imagesPath} has {images[0]} images; expected the same count");
    }

    /// <summary>An image folder's structure: root/&lt;class&gt;/*.png, at least one PNG per class (no image is decoded).</summary>
    public static ImageFolder ImageFolderTree(string root) => ImageFolder.Scan(root);
}
