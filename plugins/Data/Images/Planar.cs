using MIForge.Plugins.Data.Formats;

using MIForge.Numerics.Imaging;

namespace MIForge.Plugins.Data.Images;

/// <summary>Converts between interleaved H×W×C pixels (as decoders deliver them) and planar C×H×W images,
/// changing the channel count on the way (gray ↔ RGB, alpha dropped).</summary>
public static class Planar
{
    /// <summary>ITU-R BT.601 luma weights, as PIL's 'L' conversion uses them.</summary>
    public const float LumaR = 0.299f, LumaG = 0.587f, LumaB = 0.114f;

    /// <summary>The luma of one 8-bit RGB pixel rounded to a byte, as every conversion of a colour image to one channel computes it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static byte Luma(byte r, byte g, byte b) => (byte)Math.Clamp(MathF.Round(LumaR * r + LumaG * g + LumaB * b), 0, 255);

    /// <summary>A decoded image as planar 8-bit C×H×W with <paramref name="channels"/> = 1 (gray; RGB becomes luma) or 3 (RGB; gray is repeated).
    /// Alpha is dropped.</summary>
    public static byte[] FromImage(DecodedImage image, int channels)
    {
        if (channels is not (1 or 3)) throw new ArgumentException($"channels must be 1 or 3, got {channels}");
        int height = image.Height, width = image.Width, plane = width * height, src = image.Channels;
        var p = image.Pixels;
        var result = new byte[(long)channels * plane];
        bool color = !image.IsGray;
        for (int y = 0; y < height; y++)
        {
            int row = y * width * src, i = y * width;
            if (channels == 3 && color)
                for (int x = 0, o = row; x < width; x++, i++, o += src)
                {
                    result[i] = p[o]; result[plane + i] = p[o + 1]; result[2 * plane + i] = p[o + 2];
                }
            else if (channels == 3)
                for (int x = 0, o = row; x < width; x++, i++, o += src)
                    result[i] = result[plane + i] = result[2 * plane + i] = p[o];
            else if (color)
                for (int x = 0, o = row; x < width; x++, i++, o += src)
                    result[i] = Luma(p[o], p[o + 1], p[o + 2]);
            else
                Array.Copy(p, row, result, i, width);
        }
        return result;
    }

    /// <summary>Planar float pixels in [0,1] (C×H×W, C = 1 or 3) as interleaved 8-bit samples for <see cref="PngEncoder"/>; values are clamped and rounded.</summary>
    public static byte[] ToInterleaved(ReadOnlySpan<float> chw, int channels, int height, int width)
    {
        int plane = height * width;
        if (chw.Length != (long)channels * plane)
            throw new ArgumentException($"{chw.Length} values for {channels}×{height}×{width}");
        var result = new byte[chw.Length];
        for (int c = 0; c < channels; c++)
            for (int i = 0; i < plane; i++)
                result[i * channels + c] = (byte)MathF.Round(Math.Clamp(chw[c * plane + i], 0f, 1f) * 255f);
        return result;
    }

    /// <summary>Planar float RGB (3×H×W) reduced to one luma plane (1×H×W).</summary>
    public static float[] ToGray(ReadOnlySpan<float> rgb, int height, int width)
    {
        int plane = height * width;
        var result = new float[plane];
        for (int i = 0; i < plane; i++)
            result[i] = LumaR * rgb[i] + LumaG * rgb[plane + i] + LumaB * rgb[2 * plane + i];
        return result;
    }
}
