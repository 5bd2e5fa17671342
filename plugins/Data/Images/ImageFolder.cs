using MIForge.Plugins.Data.Formats;

namespace MIForge.Plugins.Data.Images;

/// <summary>One image file of an image folder and the label of its class.</summary>
public sealed record LabelledFile(string Path, long Label);

/// <summary>An image-folder data set: root/&lt;class&gt;/*.jpg|png|bmp|webp, class names sorted ordinally and numbered 0..k-1,
/// files sorted ordinally within each class.</summary>
public sealed record ImageFolder(string Root, IReadOnlyList<string> Classes, IReadOnlyList<LabelledFile> Files)
{
    /// <summary>Finds the class folders and their image files; errors name the root and what is missing.</summary>
    public static ImageFolder Scan(string root)
    {
        if (!Directory.Exists(root))
            throw FileProblem.At(root, "image folder not found; expected root/<class>/*.jpg|png|bmp|webp");
        var classes = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>()
            .Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToArray();
        if (classes.Length == 0)
            throw FileProblem.At(root, "has no class sub-folders; expected root/<class>/*.jpg|png|bmp|webp");
        var files = new List<LabelledFile>();
        var empty = new List<string>();
        for (int label = 0; label < classes.Length; label++)
        {
            var images = Directory.GetFiles(Path.Combine(root, classes[label]))
                .Where(ImageDecoder.HasImageExtension)
                .Order(StringComparer.Ordinal).ToArray();
            if (images.Length == 0) empty.Add(classes[label]);
            files.AddRange(images.Select(f => new LabelledFile(f, label)));
        }
        if (empty.Count > 0)
            throw FileProblem.At(root, $"class folder(s) without image files (.jpg, .jpeg, .png, .bmp, .webp): {string.Join(", ", empty.Take(10))}{(empty.Count > 10 ? $" and {empty.Count - 10} more" : "")}; expected at least one image per class");
        return new ImageFolder(root, classes, files);
    }

    /// <summary>The channel count <see cref="Load"/> delivers by default: 1 when the first image is gray (with or without alpha), else 3.</summary>
    public int DefaultChannels(long maxPixels = ImageDecoder.DefaultMaxPixels)
    {
        if (Files.Count == 0) throw FileProblem.At(Root, "no images to load");
        return ImageDecoder.Read(Files[0].Path, maxPixels).IsGray ? 1 : 3;
    }

    /// <summary>Decodes every file to planar 8-bit images. <paramref name="channels"/> 1 or 3 (null: 1 when the first image is gray, else 3);
    /// with <paramref name="size"/> (height, width) each image is resized to it, otherwise all images must share the first one's size.
    /// A file whose header claims more than <paramref name="maxPixels"/> pixels is refused before decoding.</summary>
    public RawImages Load(int? channels = null, (int Height, int Width)? size = null, long maxPixels = ImageDecoder.DefaultMaxPixels)
    {
        if (Files.Count == 0) throw FileProblem.At(Root, "no images to load");
        var first = ImageDecoder.Read(Files[0].Path, maxPixels);
        int c = channels ?? (first.IsGray ? 1 : 3);
        int h = size?.Height ?? first.Height, w = size?.Width ?? first.Width;
        long imageSize = (long)c * h * w;
        if (imageSize * Files.Count > Array.MaxLength)
            throw FileProblem.At(Root, $"{Files.Count} images of {c}×{h}×{w} are more than one array can hold; pass a smaller size");
        var pixels = new byte[imageSize * Files.Count];
        var labels = new long[Files.Count];
        for (int i = 0; i < Files.Count; i++)
        {
            var image = i == 0 ? first : ImageDecoder.Read(Files[i].Path, maxPixels);
            var planar = Planar.FromImage(image, c);
            if (image.Height != h || image.Width != w)
            {
                if (size is null)
                    throw FileProblem.At(Files[i].Path, $"is {image.Width}×{image.Height} but {Files[0].Path} is {w}×{h}; all images must have one size, or give a size to resize to");
                planar = ToBytes(Resample.Resize(ToFloats(planar), c, image.Height, image.Width, h, w));
            }
            planar.CopyTo(pixels, i * imageSize);
            labels[i] = Files[i].Label;
        }
        return RawImages.FromBytes(pixels, Files.Count, c, h, w, labels);
    }

    private static float[] ToFloats(byte[] bytes) => Array.ConvertAll(bytes, b => (float)b);

    private static byte[] ToBytes(float[] values) => Array.ConvertAll(values, v => (byte)Math.Clamp(MathF.Round(v), 0, 255));
}
