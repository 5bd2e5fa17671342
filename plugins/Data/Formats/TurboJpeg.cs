using System.Runtime.InteropServices;

namespace MIForge.Plugins.Data.Formats;

/// <summary>JPEG decoding through the system's libjpeg-turbo (TurboJPEG API, <c>libturbojpeg.so.0</c>, Debian package
/// libturbojpeg0), whose SIMD kernels decode about three times faster than the scalar libjpeg-turbo inside SkiaSharp's
/// Skia build; it is the library Pillow decodes with, with the same defaults (accurate integer IDCT, smooth
/// upsampling). Absent library: <see cref="Available"/> is false and <see cref="ImageDecoder"/> decodes with Skia.
/// Warnings (a truncated file) stop decoding and are errors; a CMYK JPEG, which TurboJPEG cannot turn into RGB,
/// is left to Skia (<see cref="TryDecode"/> returns null).</summary>
public static class TurboJpeg
{
    private const string Library = "libturbojpeg.so.0";
    private const int PixelFormatGray = 6, PixelFormatRgba = 7;
    private const int SubsamplingGray = 3;
    private const int ColorspaceCmyk = 3, ColorspaceYcck = 4;
    private const int StopOnWarning = 8192;

    private static readonly Lazy<bool> Loaded = new(() =>
        NativeLibrary.TryLoad(Library, typeof(TurboJpeg).Assembly, null, out _));

    /// <summary>Decompressor handles not in use (one per thread that decoded at the same time; a handle is used by
    /// one thread at a time and kept for the process's life, unless its decode failed).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentBag<IntPtr> Handles = [];

    /// <summary>Whether libturbojpeg.so.0 loads in this process.</summary>
    public static bool Available => Loaded.Value;

    /// <summary>"libjpeg-turbo (libturbojpeg.so.0)" or "Skia", for cache keys and logs.</summary>
    public static string JpegDecoder => Available ? "libjpeg-turbo (libturbojpeg.so.0)" : "Skia";

    /// <summary>True when <paramref name="bytes"/> start with a JPEG's start-of-image marker.</summary>
    public static bool IsJpeg(ReadOnlySpan<byte> bytes) => bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;

    /// <summary>Decodes a JPEG to 1 channel (gray files) or RGBA; null when the library is absent or the file is
    /// CMYK. The header bound is checked before decoding; every failure is an error naming <paramref name="name"/>.</summary>
    public static DecodedImage? TryDecode(byte[] bytes, string name, long maxPixels)
    {
        if (!Available || !IsJpeg(bytes)) return null;
        if (!Handles.TryTake(out var handle)) handle = InitDecompress();
        if (handle == IntPtr.Zero) return null;
        bool reusable = false;
        try
        {
            unsafe
            {
                fixed (byte* source = bytes)
                {
                    if (DecompressHeader3(handle, source, (nuint)bytes.Length, out var width, out var height, out var subsampling, out var colorspace) != 0)
                        throw FileProblem.At(name, $"is not a readable JPEG ({Error(handle)})");
                    if (colorspace is ColorspaceCmyk or ColorspaceYcck)
                    {
                        reusable = true;
                        return null;
                    }
                    long pixels = (long)width * height;
                    if (width <= 0 || height <= 0)
                        throw FileProblem.At(name, $"header claims a {width}×{height} image; expected positive sizes");
                    if (pixels > maxPixels)
                        throw FileProblem.At(name, $"header claims {width}×{height} = {pixels} pixels, more than the limit of {maxPixels} (option maxPixels); refused before decoding");
                    bool gray = subsampling == SubsamplingGray;
                    int channels = gray ? 1 : 4;
                    if (pixels * channels > Array.MaxLength)
                        throw FileProblem.At(name, $"header claims {width}×{height} pixels, more than one array can hold; lower maxPixels");
                    var result = GC.AllocateUninitializedArray<byte>((int)(pixels * channels));
                    fixed (byte* target = result)
                    {
                        if (Decompress2(handle, source, (nuint)bytes.Length, target, width, width * channels, height,
                                gray ? PixelFormatGray : PixelFormatRgba, StopOnWarning) != 0)
                            throw FileProblem.At(name, $"{Describe(Error(handle))} while decoding the {width}×{height} JPEG image");
                    }
                    reusable = true;
                    return new DecodedImage(width, height, channels, result);
                }
            }
        }
        finally
        {
            // a handle that failed may be left mid-decode: destroyed, not reused
            if (reusable) Handles.Add(handle);
            else Destroy(handle);
        }
    }

    /// <summary>libjpeg's message, with the two a reader meets most said plainly.</summary>
    private static string Describe(string error) =>
        error.Contains("Premature end", StringComparison.OrdinalIgnoreCase)
            ? $"truncated: the data ends before the image is complete ({error})"
            : $"corrupt data ({error})";

    private static string Error(IntPtr handle) => Marshal.PtrToStringUTF8(GetErrorStr2(handle)) ?? "unknown error";

    [DllImport(Library, EntryPoint = "tjInitDecompress")]
    private static extern IntPtr InitDecompress();

    [DllImport(Library, EntryPoint = "tjDecompressHeader3")]
    private static extern unsafe int DecompressHeader3(IntPtr handle, byte* jpeg, nuint size, out int width, out int height, out int subsampling, out int colorspace);

    [DllImport(Library, EntryPoint = "tjDecompress2")]
    private static extern unsafe int Decompress2(IntPtr handle, byte* jpeg, nuint size, byte* target, int width, int pitch, int height, int pixelFormat, int flags);

    [DllImport(Library, EntryPoint = "tjDestroy")]
    private static extern int Destroy(IntPtr handle);

    [DllImport(Library, EntryPoint = "tjGetErrorStr2")]
    private static extern IntPtr GetErrorStr2(IntPtr handle);

}
