using System.Buffers;
using System.Numerics;
using MIForge.Plugins.Data.Formats;

namespace MIForge.Plugins.Data.Images;

/// <summary>Cuts a centred square out of a decoded image and resizes it with an antialiased bilinear (triangle)
/// filter whose support widens with the shrink factor, as PIL's <c>Image.resize(BILINEAR)</c> does: GMI's CelebA
/// preprocessing (crop 108×108 at ((218-108)/2, (178-108)/2), resize to 64×64) done on the 8-bit samples.</summary>
public static class CropResize
{
    /// <summary>Writes the planar C×<paramref name="size"/>×<paramref name="size"/> result (C = <paramref name="channels"/>, 1 or 3)
    /// into <paramref name="destination"/>. <paramref name="crop"/> is the side of the centred square (null: the whole image,
    /// resized to a square).</summary>
    public static unsafe void CentreCrop(DecodedImage image, int? crop, int size, int channels, Span<byte> destination, string name)
    {
        int cropH = crop ?? image.Height, cropW = crop ?? image.Width;
        if (cropH > image.Height || cropW > image.Width)
            throw FileProblem.At(name, $"is {image.Width}×{image.Height}, smaller than the {cropW}×{cropH} crop; expected images at least that large");
        int top = (image.Height - cropH) / 2, left = (image.Width - cropW) / 2;
        if (destination.Length != channels * size * size)
            throw new ArgumentException($"destination holds {destination.Length} bytes, expected {channels}×{size}×{size}");
        var cols = TriangleTaps.For(0, cropW, size);
        var rows = TriangleTaps.For(0, cropH, size);
        int plane = cropW * cropH;
        var pool = ArrayPool<float>.Shared;
        float[] columns = pool.Rent(channels * plane), across = pool.Rent(size * cropH);
        try
        {
            fixed (float* column = columns, pass = across)
            {
                ColumnMajor(image, channels, top, left, cropH, cropW, column);
                for (int c = 0; c < channels; c++)
                {
                    // horizontal: pass[x][y] = Σ_k w_x[k]·image[y][s_x + k], whole columns at a time
                    for (int x = 0; x < size; x++)
                    {
                        var (start, weights) = cols.Window(x);
                        Blend(column + c * plane + start * cropH, cropH, weights, pass + x * cropH, cropH);
                    }
                    // vertical: out[y][x] = Σ_k w_y[k]·pass[x][s_y + k], along each contiguous column of the pass
                    var output = destination.Slice(c * size * size, size * size);
                    for (int x = 0; x < size; x++)
                    {
                        float* line = pass + x * cropH;
                        for (int y = 0; y < size; y++)
                        {
                            var (start, weights) = rows.Window(y);
                            float sum = 0;
                            for (int k = 0; k < weights.Length; k++) sum += weights[k] * line[start + k];
                            output[y * size + x] = (byte)Math.Clamp(MathF.Round(sum), 0, 255);
                        }
                    }
                }
            }
        }
        finally
        {
            pool.Return(columns);
            pool.Return(across);
        }
    }

    /// <summary>The <paramref name="height"/>×<paramref name="width"/> region at (<paramref name="top"/>, <paramref name="left"/>)
    /// as <paramref name="channels"/> float planes stored column after column (target[c·H·W + x·H + y]), converted as
    /// <see cref="Planar.FromImage(DecodedImage, int)"/> converts (RGB to luma rounded to a byte, gray repeated, alpha dropped).</summary>
    private static unsafe void ColumnMajor(DecodedImage image, int channels, int top, int left, int height, int width, float* target)
    {
        int plane = width * height, src = image.Channels;
        bool color = !image.IsGray;
        fixed (byte* pixels = image.Pixels)
        {
            for (int y = 0; y < height; y++)
            {
                byte* p = pixels + ((top + y) * image.Width + left) * src;
                float* t = target + y;
                if (channels == 3 && color)
                    for (int x = 0; x < width; x++, p += src, t += height)
                    {
                        t[0] = p[0]; t[plane] = p[1]; t[2 * plane] = p[2];
                    }
                else if (channels == 3)
                    for (int x = 0; x < width; x++, p += src, t += height)
                        t[0] = t[plane] = t[2 * plane] = p[0];
                else if (color)
                    for (int x = 0; x < width; x++, p += src, t += height)
                        t[0] = Planar.Luma(p[0], p[1], p[2]);
                else
                    for (int x = 0; x < width; x++, p += src, t += height)
                        t[0] = p[0];
            }
        }
    }

    /// <summary>target[i] = Σ_k weights[k]·lines[k·stride + i] for i &lt; length, summed in k order from zero (the
    /// same float operations lane by lane as one sample at a time, so the result does not depend on the vector width).</summary>
    private static unsafe void Blend(float* lines, int stride, float[] weights, float* target, int length)
    {
        int i = 0, n = Vector<float>.Count;
        for (; i + n <= length; i += n)
        {
            var sum = Vector<float>.Zero;
            for (int k = 0; k < weights.Length; k++) sum += new Vector<float>(weights[k]) * Vector.Load(lines + k * stride + i);
            sum.Store(target + i);
        }
        for (; i < length; i++)
        {
            float sum = 0;
            for (int k = 0; k < weights.Length; k++) sum += weights[k] * lines[k * stride + i];
            target[i] = sum;
        }
    }
}
