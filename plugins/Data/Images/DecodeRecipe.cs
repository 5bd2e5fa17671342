namespace MIForge.Plugins.Data.Images;

/// <summary>How a face data set's files become cached images: a centred square crop (null: the whole image),
/// the output side, the channel count (1 or 3) and the pixel bound on each file's header.</summary>
public sealed record DecodeRecipe(int? Crop, int Size, int Channels, long MaxPixels)
{
    /// <summary>Bytes of one decoded image (C·Size·Size).</summary>
    public int ImageBytes => Channels * Size * Size;

    /// <summary>The recipe as text, for cache keys and messages.</summary>
    public override string ToString() => $"crop={(Crop is int c ? c.ToString() : "none")} size={Size} channels={Channels}";
}
