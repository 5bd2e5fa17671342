using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using MIForge.Plugins.Data.Formats;
using MIForge.Plugins.Data.Images;

namespace MIForge.Plugins.Data.Datasets;

/// <summary>Options of <see cref="NpyDataset"/>.</summary>
public sealed class NpyOptions : DatasetShapeOptions, IValidatableOptions
{
    /// <summary>Training images: N×H×W, N×C×H×W or N×H×W×C; uint8 (0..255) or float (0..1 after scale).</summary>
    [Required, Description("Training images .npy: N×H×W, N×C×H×W or N×H×W×C; uint8 0..255 or float in [0,1] (after scale).")]
    public string? TrainImages { get; set; }

    /// <summary>Training labels: one integer per image.</summary>
    [Required, Description("Training labels .npy: N integers (int32/int64/uint8, or whole floats).")]
    public string? TrainLabels { get; set; }

    /// <summary>Test images; null holds out a fraction of the training images.</summary>
    [Description("Test images .npy. Default: hold out testFraction of the training images.")]
    public string? TestImages { get; set; }

    /// <summary>Test labels; required with TestImages.</summary>
    [Description("Test labels .npy; required when testImages is given.")]
    public string? TestLabels { get; set; }

    /// <summary>Axis order of 4-d arrays.</summary>
    [Description("Axis order of 4-d image arrays: auto, nchw or nhwc.")]
    public ImageLayout Layout { get; set; } = ImageLayout.Auto;

    /// <summary>Multiplier applied to float pixels before the [0,1] check (1/255 for 0..255 floats).</summary>
    [Description("Multiplier for float pixel values before they are checked against [0,1], e.g. 0.00392156862 for 0..255 floats.")]
    public double Scale { get; set; } = 1;

    /// <summary>Fraction of each class held out for testing when no test arrays are given.</summary>
    [Range(0.0, 0.9), Description("Fraction of each class held out for testing when no test arrays are given.")]
    public double TestFraction { get; set; } = 0.1;

    /// <summary>Seed of the held-out split; null uses the run's seed.</summary>
    [Description("Seed of the held-out split. Default: the run's seed.")]
    public int? Seed { get; set; }

    /// <summary>Class names in label order; null names classes by number.</summary>
    [Description("Class names in label order. Default: \"0\", \"1\", ...")]
    public List<string>? ClassNames { get; set; }

    /// <inheritdoc/>
    public IEnumerable<OptionFailure> Validate()
    {
        if (TestImages is not null && TestLabels is null)
            yield return new("testLabels", "testImages is given without testLabels; give both, or neither to hold out testFraction");
        if (TestImages is null && TestLabels is not null)
            yield return new("testImages", "testLabels is given without testImages; give both, or neither to hold out testFraction");
    }
}

/// <summary>Images and labels from .npy arrays (as numpy.save writes them).</summary>
[Plugin("npy", "Images and labels from .npy arrays (uint8 or float, N×H×W / NCHW / NHWC)")]
public sealed class NpyDataset(NpyOptions options, IRunContext? context = null) : IDataset, ICheckableDataset
{
    /// <inheritdoc/>
    public void CheckFiles()
    {
        string Path(string? p, string key) => ManifestPath.Resolve(context, p ?? throw new ArgumentException($"npy: {key} is required"));
        DatasetFiles.NpyPair(Path(options.TrainImages, "trainImages"), Path(options.TrainLabels, "trainLabels"));
        if ((options.TestImages is null) != (options.TestLabels is null))
            throw new ArgumentException("npy: give both testImages and testLabels, or neither");
        if (options.TestImages is not null)
            DatasetFiles.NpyPair(Path(options.TestImages, "testImages"), Path(options.TestLabels, "testLabels"));
    }

    /// <summary>Reads one part; the class count is the largest training label + 1 (or the number of class names).</summary>
    public ImageSet Load(DatasetPart part)
    {
        string Path(string? p, string key) => ManifestPath.Resolve(context, p ?? throw new ArgumentException($"npy: {key} is required"));
        var trainImages = Path(options.TrainImages, "trainImages");
        var trainLabels = Path(options.TrainLabels, "trainLabels");
        if ((options.TestImages is null) != (options.TestLabels is null))
            throw new ArgumentException("npy: give both testImages and testLabels, or neither");
        var train = NpyImages.Read(trainImages, trainLabels, options.Layout, (float)options.Scale);
        RawImages raw = options.TestImages is null
            ? HeldOutPart.Of(train, part, options.TestFraction, HeldOutPart.Seed(options.Seed, context))
            : part == DatasetPart.Train ? train
            : NpyImages.Read(Path(options.TestImages, "testImages"), Path(options.TestLabels, "testLabels"), options.Layout, (float)options.Scale);
        int classes = (int)train.Labels!.DefaultIfEmpty().Max() + 1;
        var names = options.ClassNames?.ToArray() ?? Enumerable.Range(0, classes).Select(i => i.ToString()).ToArray();
        long largest = raw.Labels!.DefaultIfEmpty().Max();
        if (largest >= names.Length)
            throw FileProblem.At(part == DatasetPart.Train || options.TestLabels is null ? trainLabels : Path(options.TestLabels, "testLabels"),
                $"has label {largest}, but the data set has {names.Length} classes (0..{names.Length - 1})");
        return ImageSets.From(raw, names.Length, names, options);
    }
}
