using System.Buffers.Binary;
using System.IO.Compression;
using MIForge.Plugins.Data.Images;

namespace MIForge.Plugins.Data.Formats;

/// <summary>Reads IDX files (the MNIST / Fashion-MNIST format), raw or gzip-compressed, with every header field checked.</summary>
public static class Idx
{
    /// <summary>Magic number of an IDX file of unsigned bytes with 3 dimensions (images N×H×W).</summary>
    public const int ImagesMagic = 0x00000803;
    /// <summary>Magic number of an IDX file of unsigned bytes with 1 dimension (labels N).</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>Reads an image file (magic 0x00000803) as 8-bit gray images, N×1×H×W.</summary>
    public static RawImages ReadImages(string path) => Decompressing(path, () =>
    {
        using var opened = IdxStream.Open(path);
        var dims = ReadHeader(opened, path, ImagesMagic, "images");
        int n = dims[0], h = dims[1], w = dims[2];
        if (h == 0 || w == 0) throw FileProblem.At(path, $"image size {h}×{w} has a zero dimension");
        var pixels = ReadBody(opened, path, (long)n * h * w, $"pixel data ({n} images of {h}×{w})");
        return RawImages.FromBytes(pixels, n, 1, h, w);
    });

    /// <summary>Reads a label file (magic 0x00000801) as int64 labels.</summary>
    public static long[] ReadLabels(string path) => Decompressing(path, () =>
    {
        using var opened = IdxStream.Open(path);
        int n = ReadHeader(opened, path, LabelsMagic, "labels")[0];
        var bytes = ReadBody(opened, path, n, $"label data ({n} labels)");
        var labels = new long[n];
        for (int i = 0; i < n; i++) labels[i] = bytes[i];
        return labels;
    });

    /// <summary>The header of an image file (N, H, W) and of its label file, checked as <see cref="Read"/> checks them
    /// (magic, dimensions, and for raw files the size the header promises) without reading images or labels.</summary>
    public static (int Count, int Height, int Width) CheckHeaders(string imagesPath, string labelsPath)
    {
        var dims = Decompressing(imagesPath, () =>
        {
            using var opened = IdxStream.Open(imagesPath);
            var d = ReadHeader(opened, imagesPath, ImagesMagic, "images");
            if (d[1] == 0 || d[2] == 0) throw FileProblem.At(imagesPath, $"image size {d[1]}×{d[2]} has a zero dimension");
            CheckLength(opened, imagesPath, (long)d[0] * d[1] * d[2], $"pixel data ({d[0]} images of {d[1]}×{d[2]})");
            return d;
        });
        var labels = Decompressing(labelsPath, () =>
        {
            using var opened = IdxStream.Open(labelsPath);
            var n = ReadHeader(opened, labelsPath, LabelsMagic, "labels")[0];
            CheckLength(opened, labelsPath, n, $"label data ({n} labels)");
            return n;
        });
        if (labels != dims[0])
            throw FileProblem.At(labelsPath, $"has {labels} labels but {imagesPath} has {dims[0]} images; expected the same count");
        return (dims[0], dims[1], dims[2]);
    }

    /// <summary>Reads an image file and its label file and checks that their counts agree.</summary>
    public static RawImages Read(string imagesPath, string labelsPath)
    {
        var images = ReadImages(imagesPath);
        var labels = ReadLabels(labelsPath);
        if (labels.Length != images.Count)
            throw FileProblem.At(labelsPath, $"has {labels.Length} labels but {imagesPath} has {images.Count} images; expected the same count");
        return images.WithLabels(labels);
    }

    private static int[] ReadHeader(IdxStream opened, string path, int expectedMagic, string what)
    {
        Span<byte> head = stackalloc byte[4];
        ExactRead.Into(opened.Stream, head, path, "IDX magic number");
        int magic = BinaryPrimitives.ReadInt32BigEndian(head);
        int rank = expectedMagic & 0xFF;
        if (magic != expectedMagic)
            throw FileProblem.At(path, DescribeWrongMagic(magic, expectedMagic, what));
        Span<byte> dimBytes = stackalloc byte[4 * rank];
        ExactRead.Into(opened.Stream, dimBytes, path, $"IDX header ({rank} dimension sizes)");
        var dims = new int[rank];
        for (int d = 0; d < rank; d++)
        {
            uint size = BinaryPrimitives.ReadUInt32BigEndian(dimBytes[(4 * d)..]);
            if (size > int.MaxValue)
                throw FileProblem.At(path, $"dimension {d} has size {size}, which cannot be right (more than {int.MaxValue})");
            dims[d] = (int)size;
        }
        return dims;
    }

    private static string DescribeWrongMagic(int magic, int expectedMagic, string what)
    {
        string expected = $"expected 0x{expectedMagic:X8} (IDX {what}: unsigned bytes, {expectedMagic & 0xFF} dimension{((expectedMagic & 0xFF) == 1 ? "" : "s")})";
        if ((magic >> 16) != 0)
            return $"not an IDX file: magic number 0x{magic:X8}, {expected}";
        if (magic == ImagesMagic) return $"this is an IDX image file (magic 0x{ImagesMagic:X8}), {expected}";
        if (magic == LabelsMagic) return $"this is an IDX label file (magic 0x{LabelsMagic:X8}), {expected}";
        int type = (magic >> 8) & 0xFF;
        if (type != 0x08)
            return $"element type 0x{type:X2} ({TypeName(type)}) is not supported, {expected}";
        return $"magic number 0x{magic:X8} says {magic & 0xFF} dimensions, {expected}";
    }

    private static string TypeName(int type) => type switch
    {
        0x09 => "signed byte",
        0x0B => "int16",
        0x0C => "int32",
        0x0D => "float32",
        0x0E => "float64",
        _ => "unknown type",
    };

    private static byte[] ReadBody(IdxStream opened, string path, long count, string what)
    {
        CheckLength(opened, path, count, what);
        var body = ExactRead.Bytes(opened.Stream, count, path, what);
        if (opened.RawLength is null && !ExactRead.AtEnd(opened.Stream))
            throw FileProblem.At(path, $"the decompressed data goes on after the {count} bytes of {what} the header accounts for; the counts in the header are wrong");
        return body;
    }

    /// <summary>For a raw file: the bytes after the header must be exactly the <paramref name="count"/> the header promises.</summary>
    private static void CheckLength(IdxStream opened, string path, long count, string what)
    {
        if (opened.RawLength is long length)
        {
            long header = opened.Stream.Position;
            long available = length - header;
            if (available < count)
                throw FileProblem.At(path, $"truncated: the header promises {count} bytes of {what} after the {header}-byte header, the file has {available}");
            if (available > count)
                throw FileProblem.At(path, $"the file has {available - count} bytes more than the header's {what} account for ({count} bytes); the counts in the header are wrong");
        }
    }

    private static T Decompressing<T>(string path, Func<T> read)
    {
        try { return read(); }
        catch (InvalidDataException e) when (!FileProblem.IsOurs(e)) { throw FileProblem.At(path, $"corrupt gzip data: {e.Message}", e); }
    }

    /// <summary>An IDX file opened raw or through gzip (detected by the 0x1f8b magic).</summary>
    private sealed class IdxStream : IDisposable
    {
        public Stream Stream { get; }
        public long? RawLength { get; }

        private IdxStream(Stream stream, long? rawLength) { Stream = stream; RawLength = rawLength; }

        public static IdxStream Open(string path)
        {
            if (!File.Exists(path)) throw FileProblem.At(path, "file not found");
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            int b0 = file.ReadByte(), b1 = file.ReadByte();
            file.Position = 0;
            if (b0 == 0x1f && b1 == 0x8b)
                return new IdxStream(new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16), null);
            return new IdxStream(file, file.Length);
        }

        public void Dispose() => Stream.Dispose();
    }
}
