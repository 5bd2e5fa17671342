namespace MIForge.Plugins.Data.Formats;

/// <summary>A decoded image as interleaved 8-bit samples, row after row: <see cref="Channels"/> is 1 (gray)
/// or 4 (RGBA, not premultiplied; the alpha byte is carried but the data sets drop it).</summary>
public sealed record DecodedImage(int Width, int Height, int Channels, byte[] Pixels)
{
    /// <summary>True for a gray image (one sample per pixel).</summary>
    public bool IsGray => Channels == 1;
}
