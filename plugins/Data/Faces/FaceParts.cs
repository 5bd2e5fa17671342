using MIForge.Abstractions;
using MIForge.Plugins.Data.Datasets;
using MIForge.Plugins.Data.Images;

namespace MIForge.Plugins.Data.Faces;

/// <summary>The common end of every face data set: cap files per class, decode (or read the cache), hold out
/// the test part and convert to an <see cref="ImageSet"/>.</summary>
internal static class FaceParts
{
    public static ImageSet Load(IReadOnlyList<LabelledFile> files, int classCount, IReadOnlyList<string> names, FaceOptions options,
        DatasetPart part, IRunContext? context, IProgressReporter? progress, string dataset)
    {
        if (options.PerClass is int cap)
            files = files.GroupBy(f => f.Label).SelectMany(g => g.Take(cap)).OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        var all = FaceDecoding.Load(files, options.Recipe(), options.CacheFolder(context), progress, $"decoding {dataset}",
            context?.Cancellation ?? default);
        var raw = HeldOutPart.Of(all, part, options.TestFraction, HeldOutPart.Seed(options.Seed, context));
        return ImageSets.From(raw, classCount, names, options.AfterDecoding());
    }
}
