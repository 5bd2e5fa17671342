using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using System.Security.Cryptography;
using System.Text;
using MIForge.Plugins.Data.Formats;

namespace MIForge.Plugins.Data.Images;

/// <summary>Decoded face images on disk: one uint8 N×C×H×W file per (file list, file sizes and times, recipe, JPEG decoder),
/// named by the SHA-256 of those, read back through a memory map so a second run skips decoding.</summary>
public static class ImageCache
{
    private static readonly byte[] Magic = "MIFIMG1\n"u8.ToArray();
    private const int HeaderBytes = 8 + 4 * 4;

    /// <summary>The cache file for these files and recipe inside <paramref name="folder"/>.</summary>
    public static string PathFor(string folder, IReadOnlyList<LabelledFile> files, DecodeRecipe recipe)
    {
        var text = new StringBuilder().Append("v1 ").Append(recipe).Append(" jpeg=").Append(TurboJpeg.JpegDecoder).Append('\n');
        foreach (var f in files)
        {
            var info = new FileInfo(f.Path);
            text.Append(f.Path).Append('\t').Append(f.Label).Append('\t')
                .Append(info.Exists ? info.Length : -1).Append('\t').Append(info.Exists ? info.LastWriteTimeUtc.Ticks : 0).Append('\n');
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        return Path.Combine(folder, $"faces-{hash[..24]}.u8");
    }

    /// <summary>The cached images, or null when the file is missing or does not match the expected shape.</summary>
    public static RawImages? TryLoad(string path, int count, DecodeRecipe recipe, long[] labels)
    {
        if (!File.Exists(path)) return null;
        long expected = HeaderBytes + (long)count * recipe.ImageBytes;
        if (new FileInfo(path).Length != expected) return null;
        using var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = map.CreateViewAccessor(0, expected, MemoryMappedFileAccess.Read);
        var header = new byte[HeaderBytes];
        view.ReadArray(0, header, 0, HeaderBytes);
        if (!header.AsSpan(0, 8).SequenceEqual(Magic)
            || BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8)) != count
            || BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12)) != recipe.Channels
            || BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(16)) != recipe.Size
            || BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(20)) != recipe.Size)
            return null;
        var pixels = new byte[(long)count * recipe.ImageBytes];
        view.ReadArray(HeaderBytes, pixels, 0, pixels.Length);
        return RawImages.FromBytes(pixels, count, recipe.Channels, recipe.Size, recipe.Size, labels);
    }

    /// <summary>Writes the images to <paramref name="path"/> through a temporary file renamed into place.</summary>
    public static void Save(string path, RawImages images)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        using (var stream = File.Create(temporary))
        {
            var header = new byte[HeaderBytes];
            Magic.CopyTo(header, 0);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), images.Count);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), images.Channels);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), images.Height);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(20), images.Width);
            stream.Write(header);
            stream.Write(images.Bytes);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
