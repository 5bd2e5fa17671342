using System.Buffers.Binary;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Numerics.Serialization;

/// <summary>
/// Reads and writes the safetensors format (8-byte little-endian header size, JSON header,
/// raw little-endian data), readable by Python's safetensors. Malformed files raise
/// <see cref="InvalidDataException"/> naming the file and the problem, before any large allocation.
/// Kept here rather than taken from TorchSharp.PyBridge because it writes string metadata and
/// validates every header field against the file's size before reading data.
/// </summary>
public static class SafeTensors
{
    /// <summary>Largest header accepted (the format's own limit is 100 MB).</summary>
    public const long MaxHeaderBytes = 100_000_000;

    /// <summary>Writes tensors (any device; copied to CPU) and optional string metadata, atomically (temp file + rename).</summary>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var header = new JObject();
        if (metadata is { Count: > 0 })
            header["__metadata__"] = new JObject(metadata.Select(kv => new JProperty(kv.Key, kv.Value)));
        var blobs = new List<byte[]>();
        long offset = 0;
        foreach (var (name, t) in tensors.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (name == "__metadata__") throw new ArgumentException("'__metadata__' is reserved and cannot name a tensor");
            var bytes = Bytes(t);
            header[name] = new JObject
            {
                ["dtype"] = t.dtype.SafetensorsName(),
                ["shape"] = new JArray(t.shape.Select(s => (object)s).ToArray()),
                ["data_offsets"] = new JArray(offset, offset + bytes.Length),
            };
            blobs.Add(bytes);
            offset += bytes.Length;
        }
        var json = Encoding.UTF8.GetBytes(header.ToString(Formatting.None));
        var padded = (json.Length + 7) / 8 * 8;
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        using (var f = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write))
        {
            Span<byte> size = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(size, (ulong)padded);
            f.Write(size);
            f.Write(json);
            for (var i = json.Length; i < padded; i++) f.WriteByte((byte)' ');
            foreach (var b in blobs) f.Write(b);
            f.Flush(true);
        }
        File.Move(tmp, path, overwrite: true);
    }

    private static byte[] Bytes(Tensor t)
    {
        t.dtype.SafetensorsName();
        using var cpu = t.detach().cpu().contiguous();
        return cpu.bytes.ToArray();
    }

    /// <summary>The header of a file: tensor entries and metadata, validated against the file's size.</summary>
    public static SafeTensorsHeader ReadHeader(string path)
    {
        using var f = OpenRead(path);
        return ReadHeader(f, path);
    }

    /// <summary>Loads every tensor (CPU) and the metadata of a file.</summary>
    public static (Dictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string> metadata) Load(string path)
    {
        using var f = OpenRead(path);
        var header = ReadHeader(f, path);
        var result = new Dictionary<string, Tensor>();
        try
        {
            foreach (var e in header.Entries)
            {
                var buf = new byte[e.End - e.Begin];
                f.Seek(header.DataStart + e.Begin, SeekOrigin.Begin);
                f.ReadExactly(buf);
                result[e.Name] = Make(buf, e);
            }
        }
        catch
        {
            foreach (var t in result.Values) t.Dispose();
            throw;
        }
        return (result, header.Metadata);
    }

    private static FileStream OpenRead(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"safetensors file not found: {path}", path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
    }

    private static Tensor Make(byte[] data, SafeTensorsEntry e)
    {
        var t = empty(e.Shape, e.DType);
        if (data.Length > 0) t.bytes = data;
        return t;
    }

    private static SafeTensorsHeader ReadHeader(FileStream f, string path)
    {
        InvalidDataException Bad(string why) => new($"{path}: not a valid safetensors file: {why}");
        var length = f.Length;
        if (length < 8) throw Bad($"file has {length} bytes, fewer than the 8-byte header size");
        Span<byte> size = stackalloc byte[8];
        f.ReadExactly(size);
        var n = BinaryPrimitives.ReadUInt64LittleEndian(size);
        if (n > MaxHeaderBytes) throw Bad($"header size {n} exceeds the {MaxHeaderBytes}-byte limit");
        if ((long)n > length - 8) throw Bad($"header size {n} exceeds the {length - 8} bytes after the size field (truncated?)");
        var json = new byte[n];
        f.ReadExactly(json);
        JObject root;
        try { root = JObject.Parse(Encoding.UTF8.GetString(json)); }
        catch (JsonException e) { throw Bad($"header is not a JSON object ({e.Message})"); }
        var dataStart = 8 + (long)n;
        var dataLength = length - dataStart;
        var metadata = new Dictionary<string, string>();
        var entries = new List<SafeTensorsEntry>();
        foreach (var prop in root.Properties())
        {
            if (prop.Name == "__metadata__")
            {
                if (prop.Value is not JObject meta) throw Bad("'__metadata__' must be an object of strings");
                foreach (var m in meta.Properties())
                    metadata[m.Name] = m.Value.Type == JTokenType.String ? (string)m.Value! : throw Bad($"metadata '{m.Name}' is not a string");
                continue;
            }
            entries.Add(Entry(prop, Bad, dataLength));
        }
        entries.Sort((a, b) => a.Begin.CompareTo(b.Begin));
        long expect = 0;
        foreach (var e in entries)
        {
            if (e.Begin != expect) throw Bad($"tensor '{e.Name}' starts at {e.Begin}, expected {expect} (overlapping or holes in the data)");
            expect = e.End;
        }
        if (expect != dataLength) throw Bad($"tensors cover {expect} bytes but the data section has {dataLength}");
        return new SafeTensorsHeader(entries, metadata, dataStart);
    }

    private static SafeTensorsEntry Entry(JProperty prop, Func<string, InvalidDataException> bad, long dataLength)
    {
        var name = prop.Name;
        if (prop.Value is not JObject o) throw bad($"entry '{name}' is not an object");
        var dtypeName = o["dtype"]?.Type == JTokenType.String ? (string)o["dtype"]! : throw bad($"entry '{name}' has no string 'dtype'");
        var dtype = SafetensorsDtypes.FromSafetensorsName(dtypeName) ?? throw bad($"entry '{name}' has unsupported dtype '{dtypeName}'");
        if (o["shape"] is not JArray shapeArr) throw bad($"entry '{name}' has no 'shape' array");
        if (o["data_offsets"] is not JArray offs || offs.Count != 2) throw bad($"entry '{name}' needs 'data_offsets' [begin, end]");
        var shape = new long[shapeArr.Count];
        long elements = 1;
        for (var i = 0; i < shape.Length; i++)
        {
            if (shapeArr[i].Type != JTokenType.Integer || (long)shapeArr[i] < 0) throw bad($"entry '{name}' has a bad shape dimension {shapeArr[i]}");
            shape[i] = (long)shapeArr[i];
            if (shape[i] != 0 && elements > dataLength / shape[i]) throw bad($"entry '{name}' shape [{string.Join(", ", shape.Take(i + 1))}...] is larger than the file");
            elements *= shape[i];
        }
        if (offs[0].Type != JTokenType.Integer || offs[1].Type != JTokenType.Integer) throw bad($"entry '{name}' data_offsets are not integers");
        long begin = (long)offs[0], end = (long)offs[1];
        if (begin < 0 || end < begin || end > dataLength) throw bad($"entry '{name}' data_offsets [{begin}, {end}] fall outside the {dataLength}-byte data section");
        if (end - begin != elements * dtype.ElementSize())
            throw bad($"entry '{name}' has {end - begin} bytes but shape [{string.Join(", ", shape)}] of {dtypeName} needs {elements * dtype.ElementSize()}");
        return new SafeTensorsEntry(name, dtype, shape, begin, end);
    }
}

/// <summary>One tensor's description in a safetensors header.</summary>
public sealed record SafeTensorsEntry(string Name, ScalarType DType, long[] Shape, long Begin, long End);

/// <summary>A validated safetensors header.</summary>
public sealed record SafeTensorsHeader(IReadOnlyList<SafeTensorsEntry> Entries, IReadOnlyDictionary<string, string> Metadata, long DataStart);
