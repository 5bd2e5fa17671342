using SkiaSharp;

namespace MIForge.Plugins.Data.Formats;

/// <summary>Reads JPEG, PNG, BMP and WebP files: JPEGs through the system's libjpeg-turbo where it is installed
/// (<see cref="TurboJpeg"/>), everything else through Skia's codecs (libjpeg-turbo, libpng, libwebp). The header
/// is read first and an image claiming more than <see cref="DefaultMaxPixels"/> (or the limit given) is refused
/// before any pixel is decoded; every failure is an <see cref="InvalidDataException"/> naming the file.</summary>
public static class ImageDecoder
{
    /// <summary>The default bound on width × height: 64 megapixels (about 256 MB of RGBA).</summary>
    public const long DefaultMaxPixels = 64L << 20;

    /// <summary>The formats this decoder accepts, for error messages.</summary>
    public const string Formats = "JPEG, PNG, BMP or WebP";

    /// <summary>File name extensions of the accepted formats (lower case, with the dot).</summary>
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { ".jpg", ".jpeg", ".png", ".bmp", ".webp" };

    /// <summary>True when the file name ends in one of <see cref="Extensions"/>.</summary>
    public static bool HasImageExtension(string path) => Extensions.Contains(Path.GetExtension(path));

    /// <summary>Reads and decodes one image file; gray images come as 1 channel, all others as RGBA.</summary>
    public static DecodedImage Read(string path, long maxPixels = DefaultMaxPixels)
    {
        if (Directory.Exists(path)) throw FileProblem.At(path, $"is a directory, not an image file; expected a {Formats} file");
        if (!File.Exists(path)) throw FileProblem.At(path, "file not found");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw FileProblem.At(path, $"cannot be read: {e.Message}", e);
        }
        return Decode(bytes, path, maxPixels);
    }

    /// <summary>Decodes image bytes; <paramref name="name"/> is the file name used in error messages.</summary>
    public static DecodedImage Decode(byte[] bytes, string name, long maxPixels = DefaultMaxPixels)
    {
        if (bytes.Length > 0 && TurboJpeg.TryDecode(bytes, name, maxPixels) is { } jpeg) return jpeg;
        return DecodeWithSkia(bytes, name, maxPixels);
    }

    /// <summary>Decodes image bytes with Skia's codecs only (JPEGs too), as <see cref="Decode"/> does without libturbojpeg.</summary>
    public static DecodedImage DecodeWithSkia(byte[] bytes, string name, long maxPixels = DefaultMaxPixels)
    {
        using var codec = Open(bytes, name, maxPixels);
        var header = codec.Info;
        bool gray = header.ColorType == SKColorType.Gray8;
        var result = new byte[(long)header.Width * header.Height * (gray ? 1 : 4)];
        SKCodecResult decoded;
        unsafe
        {
            fixed (byte* p = result) decoded = codec.GetPixels(Target(header.Width, header.Height, gray), (IntPtr)p);
        }
        if (decoded != SKCodecResult.Success)
            throw FileProblem.At(name, $"{Describe(decoded)} while decoding the {header.Width}×{header.Height} {codec.EncodedFormat} image");
        return new DecodedImage(header.Width, header.Height, gray ? 1 : 4, result);
    }

    private static SKCodec Open(byte[] bytes, string name, long maxPixels)
    {
        if (bytes.Length == 0) throw FileProblem.At(name, $"is empty (0 bytes); expected a {Formats} image");
        var stream = new SKMemoryStream(bytes);
        var codec = SKCodec.Create(stream, out var opened);
        if (codec is null)
        {
            stream.Dispose();
            throw FileProblem.At(name, $"is not a readable {Formats} image ({Describe(opened)}); it starts with {Hex(bytes)}");
        }
        var header = codec.Info;
        long pixels = (long)header.Width * header.Height;
        string? problem = header.Width <= 0 || header.Height <= 0
            ? $"header claims a {header.Width}×{header.Height} image; expected positive sizes"
            : pixels > maxPixels
                ? $"header claims {header.Width}×{header.Height} = {pixels} pixels, more than the limit of {maxPixels} (option maxPixels); refused before decoding"
                : null;
        if (problem is null) return codec;
        codec.Dispose();
        throw FileProblem.At(name, problem);
    }

    private static SKImageInfo Target(int width, int height, bool gray) =>
        new(width, height, gray ? SKColorType.Gray8 : SKColorType.Rgba8888, gray ? SKAlphaType.Opaque : SKAlphaType.Unpremul);

    private static string Describe(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => "truncated: the data ends before the image is complete",
        SKCodecResult.ErrorInInput => "corrupt data",
        SKCodecResult.Unimplemented => "an unsupported variant of the format",
        SKCodecResult.InvalidInput => "not an image format Skia recognises, or a malformed header",
        _ => $"decoder result {result}",
    };

    private static string Hex(byte[] bytes)
        => string.Join(' ', bytes.Take(8).Select(b => b.ToString("x2")));
}
