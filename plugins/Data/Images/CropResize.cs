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
    public static void CentreCrop(DecodedImage image, int? crop, int size, int channels, Span<byte> destination, string name)
    {
        int cropH = crop ?? image.Height, cropW = crop ?? image.Width;
        if (cropH > image.Height || cropW > image.Width)
            throw FileProblem.At(name, $"is {image.Width}×{image.Height}, smaller than the {cropW}×{cropH} crop; expected images at least that large");
        int top = (image.Height - cropH) / 2, left = (image.Width - cropW) / 2;
        if (destination.Length != channels * size * size)
            throw new ArgumentException($"destination holds {destination.Length} bytes, expected {channels}×{size}×{size}");
        var planar = Planar.FromImage(image, channels);
        var cols = TriangleTaps.For(left, cropW, size);
        var rows = TriangleTaps.For(top, cropH, size);
        var across = new float[cropH * size];
        int plane = image.Width * image.Height;
        for (int c = 0; c < channels; c++)
        {
            var source = planar.AsSpan(c * plane, plane);
            for (int y = 0; y < cropH; y++)
            {
                var line = source.Slice((top + y) * image.Width, image.Width);
                for (int x = 0; x < size; x++) across[y * size + x] = cols.Apply(x, line);
            }
            var output = destination.Slice(c * size * size, size * size);
            for (int y = 0; y < size; y++)
            {
                var (start, weights) = rows.Window(y);
                for (int x = 0; x < size; x++)
                {
                    float sum = 0;
                    for (int k = 0; k < weights.Length; k++) sum += weights[k] * across[(start - top + k) * size + x];
                    output[y * size + x] = (byte)Math.Clamp(MathF.Round(sum), 0, 255);
                }
            }
        }
    }
}
