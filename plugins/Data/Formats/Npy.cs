using System.Buffers.Binary;
using System.Text;

namespace MIForge.Plugins.Data.Formats;

/// <summary>Reads and writes .npy files (format versions 1–3, C order; dtypes '&lt;f4', '&lt;f8', '|u1', '&lt;i4', '&lt;i8').</summary>
public static class Npy
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads a .npy file; the header, its length and the data size are all checked against the file.</summary>
    public static NpyArray Read(string path)
    {
        var (file, header, count) = Open(path);
        using (file)
        {
            Array data = header.Dtype switch
            {
                NpyDtype.Float32 => new float[count],
                NpyDtype.Float64 => new double[count],
                NpyDtype.UInt8 => new byte[count],
                NpyDtype.Int32 => new int[count],
                _ => new long[count],
            };
            var array = new NpyArray(data, header.Shape);
            ExactRead.Into(file, array.Bytes, path, "array data");
            return array;
        }
    }

    /// <summary>The shape a .npy file's header gives, with every check of <see cref="Read"/> except reading the data.</summary>
    public static long[] Shape(string path)
    {
        var (file, header, _) = Open(path);
        file.Dispose();
        return header.Shape;
    }

    /// <summary>The file positioned at its data, its header, and its element count, all checked against the file's size.</summary>
    private static (FileStream File, NpyHeader Header, long Count) Open(string path)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException(".npy reading assumes a little-endian machine");
        if (!File.Exists(path)) throw FileProblem.At(path, "file not found");
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            return (file, Header(file, path, out var count), count);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static NpyHeader Header(FileStream file, string path, out long count)
    {
        long length = file.Length;
        Span<byte> prefix = stackalloc byte[8];
        ExactRead.Into(file, prefix, path, ".npy magic and version");
        if (!prefix[..6].SequenceEqual(Magic))
            throw FileProblem.At(path, $"not a .npy file: it starts with {string.Join(' ', prefix[..6].ToArray().Select(b => b.ToString("x2")))}, expected \\x93NUMPY");
        byte major = prefix[6], minor = prefix[7];
        if (major is < 1 or > 3)
            throw FileProblem.At(path, $".npy format version {major}.{minor} is not supported; expected 1.0, 2.0 or 3.0");
        Span<byte> lengthBytes = stackalloc byte[major == 1 ? 2 : 4];
        ExactRead.Into(file, lengthBytes, path, "header length");
        long headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(lengthBytes) : BinaryPrimitives.ReadUInt32LittleEndian(lengthBytes);
        if (headerLength > length - file.Position)
            throw FileProblem.At(path, $"header length {headerLength} runs past the end of the file ({length - file.Position} bytes remain after the length field)");
        var headerBytes = new byte[headerLength];
        ExactRead.Into(file, headerBytes, path, "header");
        string text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        var header = NpyHeader.Parse(text, path);

        count = 1;
        foreach (long d in header.Shape)
        {
            if (d != 0 && count > Array.MaxLength / d)
                throw FileProblem.At(path, $"shape ({string.Join(", ", header.Shape)}) has more elements than one array can hold ({Array.MaxLength})");
            count *= d;
        }
        int itemSize = NpyArray.ItemSize(header.Dtype);
        long needed = count * itemSize, available = length - file.Position;
        string shape = $"shape ({string.Join(", ", header.Shape)}) of '{NpyArray.Descr(header.Dtype)}'";
        if (available < needed)
            throw FileProblem.At(path, $"truncated: {shape} needs {needed} data bytes, the file has {available} after the header");
        if (available > needed)
            throw FileProblem.At(path, $"the file has {available} data bytes after the header, but {shape} needs {needed}; the header's shape is wrong");
        if (count > Array.MaxLength)
            throw FileProblem.At(path, $"{count} elements are more than one array can hold");
        return header;
    }

    /// <summary>Writes an array as a version 1.0 .npy file (2.0 when the header needs it), creating the folder if needed.</summary>
    public static void Write(string path, NpyArray array)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException(".npy writing assumes a little-endian machine");
        string text = new NpyHeader(array.Dtype, array.Shape).Format();
        int major = text.Length + 11 > ushort.MaxValue ? 2 : 1;
        int prefix = 6 + 2 + (major == 1 ? 2 : 4);
        int padded = (prefix + text.Length + 1 + 63) / 64 * 64 - prefix;
        var headerBytes = Encoding.Latin1.GetBytes(text.PadRight(padded - 1) + "\n");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        file.Write(Magic);
        file.WriteByte((byte)major);
        file.WriteByte(0);
        Span<byte> lengthBytes = stackalloc byte[major == 1 ? 2 : 4];
        if (major == 1) BinaryPrimitives.WriteUInt16LittleEndian(lengthBytes, (ushort)headerBytes.Length);
        else BinaryPrimitives.WriteUInt32LittleEndian(lengthBytes, (uint)headerBytes.Length);
        file.Write(lengthBytes);
        file.Write(headerBytes);
        file.Write(array.Bytes);
    }

    /// <summary>Writes data of a supported element type with the given shape.</summary>
    public static void Write(string path, Array data, params long[] shape) => Write(path, new NpyArray(data, shape));
}
