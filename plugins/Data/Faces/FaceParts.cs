using MIForge.Abstractions;
using MIForge.Plugins.Data.Datasets;
using MIForge.Plugins.Data.Images;
using MIForge.Plugins.Data.Splits;
using TorchSharp;

namespace MIForge.Plugins.Data.Faces;

/// <summary>The common end of every face data set: cap files per class, hold out the test part, apply the class
/// options, all on the file list (nothing is decoded only to be dropped), then decode (or read the cache) in chunks
/// that each fit one .NET array and join them in one tensor, so a set larger than an array (all of CelebA at 64×64
/// RGB is 2.5·10⁹ bytes) loads.</summary>
internal static class FaceParts
{
    /// <summary>The most images one chunk decodes (50 000 at 3×64×64 is 614 MB); lowered by tests.</summary>
    internal static int ChunkImages { get; set; } = 50_000;

    public static ImageSet Load(IReadOnlyList<LabelledFile> files, int classCount, IReadOnlyList<string> names, FaceOptions options,
        DatasetPart part, IRunContext? context, IProgressReporter? progress, string dataset)
    {
        if (options.PerClass is int cap)
            files = files.GroupBy(f => f.Label).SelectMany(g => g.Take(cap)).OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        var (train, test) = HoldOut.Stratified(Labels(files), options.TestFraction, HeldOutPart.Seed(options.Seed, context));
        var chosen = (part == DatasetPart.Train ? train : test).Select(i => files[i]).ToArray();
        if (options.Classes is { } classes)
        {
            foreach (int c in classes)
                if (c < 0 || c >= classCount)
                    throw new ArgumentException($"classes lists class {c}, but the dataset has {classCount} classes (0..{classCount - 1})");
            var (keep, labels) = ClassSubset.Keep(Labels(chosen), classes);
            chosen = keep.Select((i, k) => chosen[i] with { Label = labels[k] }).ToArray();
            names = classes.Select(c => names[c]).ToArray();
            classCount = classes.Count;
        }
        if (options.PerClass is int partCap) chosen = ClassSubset.CapPerClass(Labels(chosen), partCap).Select(i => chosen[i]).ToArray();
        return Decode(chosen, classCount, names, options, context, progress, dataset);
    }

    private static ImageSet Decode(LabelledFile[] files, int classCount, IReadOnlyList<string> names, FaceOptions options,
        IRunContext? context, IProgressReporter? progress, string dataset)
    {
        var recipe = options.Recipe();
        if (files.Length == 0)
            return ImageSets.From(RawImages.FromBytes([], 0, recipe.Channels, recipe.Size, recipe.Size, []), classCount, names, pad: options.Pad);
        int chunk = (int)Math.Max(1, Math.Min(ChunkImages, Array.MaxLength / recipe.ImageBytes));
        int chunks = (files.Length + chunk - 1) / chunk;
        torch.Tensor? images = null, labels = null;
        try
        {
            for (int k = 0; k < chunks; k++)
            {
                int start = k * chunk, count = Math.Min(chunk, files.Length - start);
                var phase = chunks == 1 ? $"decoding {dataset}" : $"decoding {dataset} ({k + 1}/{chunks})";
                var raw = FaceDecoding.Load(files[start..(start + count)], recipe, options.CacheFolder(context), progress, phase,
                    context?.Cancellation ?? default);
                if (chunks == 1) return ImageSets.From(raw, classCount, names, pad: options.Pad);
                using var part = ImageSets.From(raw, classCount, names, pad: options.Pad);
                images ??= torch.empty([files.Length, .. part.Images.shape[1..]], part.Images.dtype);
                labels ??= torch.empty([files.Length], part.Labels.dtype);
                images.narrow(0, start, count).copy_(part.Images);
                labels.narrow(0, start, count).copy_(part.Labels);
            }
            return new ImageSet(images!, labels!, classCount, names);
        }
        catch
        {
            images?.Dispose();
            labels?.Dispose();
            throw;
        }
    }

    private static long[] Labels(IReadOnlyList<LabelledFile> files) => files.Select(f => f.Label).ToArray();
}
