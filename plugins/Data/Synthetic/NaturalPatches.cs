using MIForge.Plugins.Data.Formats;
using MIForge.Plugins.Data.Images;

namespace MIForge.Plugins.Data.Synthetic;

/// <summary>A natural photo held as planar floats in [0,1] (C×H×W).</summary>
public sealed record Photo(string Name, int Channels, int Height, int Width, float[] Pixels);

/// <summary>Random crops of natural photos resized to a target size: an auxiliary out-of-distribution set
/// (as BiDO+ uses), seeded and reproducible.</summary>
public static class NaturalPatches
{
    /// <summary>The photographs among python3-skimage's data files (PNG only, no drawings, text or palettes).</summary>
    public static readonly IReadOnlyList<string> DefaultPhotos =
    [
        "astronaut.png", "brick.png", "camera.png", "chelsea.png", "coffee.png", "coins.png", "grass.png",
        "gravel.png", "moon.png", "motorcycle_left.png", "motorcycle_right.png",
    ];

    /// <summary>Decodes the named PNG photos from <paramref name="folder"/> as <paramref name="channels"/>-channel (1 or 3) planar floats.</summary>
    public static IReadOnlyList<Photo> LoadPhotos(string folder, int channels, IEnumerable<string>? names = null)
    {
        var photos = new List<Photo>();
        foreach (var name in names ?? DefaultPhotos)
        {
            var image = ImageDecoder.Read(Path.Combine(folder, name));
            var planar = Planar.FromImage(image, channels);
            photos.Add(new Photo(name, channels, image.Height, image.Width, Array.ConvertAll(planar, b => b / 255f)));
        }
        if (photos.Count == 0) throw new ArgumentException("no photos named to crop patches from");
        return photos;
    }

    /// <summary>Draws <paramref name="count"/> unlabelled patches of C×<paramref name="height"/>×<paramref name="width"/>: a photo chosen uniformly,
    /// a crop whose height is a uniform fraction in [<paramref name="minFraction"/>, <paramref name="maxFraction"/>] of the photo's shorter side
    /// (aspect of the target), placed uniformly, flipped left-right with probability ½ when <paramref name="flip"/>, then resized.</summary>
    public static RawImages Sample(IReadOnlyList<Photo> photos, int count, int height, int width, int seed,
        double minFraction = 0.1, double maxFraction = 0.5, bool flip = true)
    {
        if (photos.Count == 0) throw new ArgumentException("no photos to crop patches from");
        if (count < 0 || height <= 0 || width <= 0) throw new ArgumentException($"need count ≥ 0 and a positive size, got N={count} {height}×{width}");
        if (minFraction <= 0 || maxFraction > 1 || minFraction > maxFraction)
            throw new ArgumentException($"crop fractions must satisfy 0 < min ≤ max ≤ 1, got {minFraction}..{maxFraction}");
        int channels = photos[0].Channels;
        if (photos.Any(p => p.Channels != channels)) throw new ArgumentException("all photos must have the same channel count");
        var pyramids = photos.Select(p => Pyramid(p, height, width)).ToArray();
        int size = channels * height * width;
        var pixels = new float[(long)count * size];
        var random = new Random(seed);
        for (int k = 0; k < count; k++)
        {
            int which = random.Next(photos.Count);
            var photo = photos[which];
            double fraction = minFraction + (maxFraction - minFraction) * random.NextDouble();
            int cropH = Math.Max(1, (int)Math.Round(fraction * Math.Min(photo.Height, photo.Width)));
            int cropW = Math.Max(1, (int)Math.Round(cropH * (double)width / height));
            if (cropW > photo.Width) { cropH = Math.Max(1, cropH * photo.Width / cropW); cropW = photo.Width; }
            cropH = Math.Min(cropH, photo.Height);
            int top = random.Next(photo.Height - cropH + 1), left = random.Next(photo.Width - cropW + 1);
            bool mirror = flip && random.Next(2) == 1;
            var patch = Patch(pyramids[which], top, left, cropH, cropW, height, width);
            if (mirror) Mirror(patch, channels, height, width);
            patch.CopyTo(pixels, (long)k * size);
        }
        return RawImages.FromFloats(pixels, count, channels, height, width);
    }

    /// <summary>The photo and its successive halvings, down to the last level still at least the patch size.</summary>
    private static List<Photo> Pyramid(Photo photo, int height, int width)
    {
        var levels = new List<Photo> { photo };
        for (var p = photo; p.Height / 2 >= height && p.Width / 2 >= width;)
        {
            p = p with { Height = p.Height / 2, Width = p.Width / 2, Pixels = Resample.Halve(p.Pixels, p.Channels, p.Height, p.Width) };
            levels.Add(p);
        }
        return levels;
    }

    /// <summary>The crop resized to height × width: area-averaged from the coarsest pyramid level still at least twice the
    /// output size (so the cost does not grow with the crop, and each output pixel still averages 2×2 or more source pixels), or bilinear from the photo when the crop is smaller than the output.</summary>
    private static float[] Patch(List<Photo> pyramid, int top, int left, int cropH, int cropW, int height, int width)
    {
        var photo = pyramid[0];
        if (cropH < height || cropW < width)
            return Resample.Bilinear(Crop(photo, top, left, cropH, cropW), photo.Channels, cropH, cropW, height, width);
        int level = 0;
        while (level + 1 < pyramid.Count && cropH >> (level + 1) >= 2 * height && cropW >> (level + 1) >= 2 * width
               && cropH / (double)(2 << level) <= pyramid[level + 1].Height && cropW / (double)(2 << level) <= pyramid[level + 1].Width) level++;
        var source = pyramid[level];
        double scale = 1 << level, h = cropH / scale, w = cropW / scale;
        double y = Math.Max(0, Math.Min(top / scale, source.Height - h)), x = Math.Max(0, Math.Min(left / scale, source.Width - w));
        return Resample.AreaOfRegion(source.Pixels, source.Channels, source.Height, source.Width, y, x, h, w, height, width);
    }

    private static void Mirror(float[] image, int channels, int height, int width)
    {
        for (int row = 0; row < channels * height; row++)
            Array.Reverse(image, row * width, width);
    }

    private static float[] Crop(Photo photo, int top, int left, int cropH, int cropW)
    {
        var crop = new float[photo.Channels * cropH * cropW];
        int o = 0;
        for (int c = 0; c < photo.Channels; c++)
            for (int y = 0; y < cropH; y++)
            {
                int row = (c * photo.Height + top + y) * photo.Width + left;
                for (int x = 0; x < cropW; x++)
                    crop[o++] = photo.Pixels[row + x];
            }
        return crop;
    }
}
