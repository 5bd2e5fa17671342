using MIForge.Abstractions;
using MIForge.Plugins.Data.Formats;

namespace MIForge.Plugins.Data.Images;

/// <summary>Decodes a face data set's files with a <see cref="DecodeRecipe"/> in parallel, or reads them from
/// the <see cref="ImageCache"/> when an earlier run decoded the same files the same way.</summary>
public static class FaceDecoding
{
    /// <summary>The images of <paramref name="files"/> in order, labels from the files; <paramref name="cacheFolder"/> null skips the cache.</summary>
    public static RawImages Load(IReadOnlyList<LabelledFile> files, DecodeRecipe recipe, string? cacheFolder,
        IProgressReporter? progress = null, string phase = "decoding images", CancellationToken cancel = default)
    {
        if (files.Count == 0) throw new ArgumentException("no image files to decode");
        long total = (long)files.Count * recipe.ImageBytes;
        if (total > Array.MaxLength)
            throw new ArgumentException($"{files.Count} images of {recipe.Channels}×{recipe.Size}×{recipe.Size} are more than one array can hold; use fewer identities or perClass");
        var labels = files.Select(f => f.Label).ToArray();
        var cachePath = cacheFolder is null ? null : ImageCache.PathFor(cacheFolder, files, recipe);
        if (cachePath is not null && ImageCache.TryLoad(cachePath, files.Count, recipe, labels) is { } cached) return cached;
        var pixels = new byte[total];
        long done = 0;
        var options = new ParallelOptions { CancellationToken = cancel };
        Parallel.For(0, files.Count, options, i =>
        {
            var image = ImageDecoder.Read(files[i].Path, recipe.MaxPixels);
            CropResize.CentreCrop(image, recipe.Crop, recipe.Size, recipe.Channels,
                pixels.AsSpan((int)((long)i * recipe.ImageBytes), recipe.ImageBytes), files[i].Path);
            long now = Interlocked.Increment(ref done);
            if (progress is not null && (now % 1000 == 0 || now == files.Count))
                lock (options) progress.Report(phase, now, files.Count);
        });
        var result = RawImages.FromBytes(pixels, files.Count, recipe.Channels, recipe.Size, recipe.Size, labels);
        if (cachePath is not null) ImageCache.Save(cachePath, result);
        return result;
    }
}
