using System.Buffers.Binary;
using System.Text;
using MIForge.Host.Cli;
using Newtonsoft.Json.Linq;

namespace MIForge.Quickstart.Tests;

/// <summary>`validate` reads the headers of a dataset's files (IDX, .npy) and the structure of image folders,
/// so each bad data file below is exit 2 naming the manifest key, the dataset and the file, before anything trains.</summary>
public sealed class BadDataFileTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("miforge-datafiles-").FullName;
    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>One case: the dataset entry, what to write (or break) in the folder, the file the error names, and a phrase of the message.</summary>
    public sealed record Case(string Name, string Dataset, Action<string> Prepare, string File, string Phrase)
    {
        public override string ToString() => Name;
    }

    private const string Idx = """{ "name": "idx", "options": { "folder": "idx" } }""";
    private const string NpyPair = """{ "name": "npy", "options": { "trainImages": "x.npy", "trainLabels": "y.npy" } }""";
    private const string Folder = """{ "name": "image-folder", "options": { "train": "faces" } }""";

    public static TheoryData<Case> Cases() =>
    [
        new("idx: missing folder", Idx, _ => { }, "idx", "folder not found"),
        new("idx: missing test labels", Idx, d => { GoodIdx(d); File.Delete(Path.Combine(d, "idx", "t10k-labels-idx1-ubyte")); }, "idx", "missing t10k-labels-idx1-ubyte[.gz]"),
        new("idx: zero-byte images", Idx, d => { GoodIdx(d); Bytes(d, "idx/train-images-idx3-ubyte", []); }, "idx/train-images-idx3-ubyte", "truncated: expected 4 bytes of IDX magic number"),
        new("idx: zero-byte labels", Idx, d => { GoodIdx(d); Bytes(d, "idx/t10k-labels-idx1-ubyte", []); }, "idx/t10k-labels-idx1-ubyte", "truncated: expected 4 bytes of IDX magic number"),
        new("idx: truncated magic", Idx, d => { GoodIdx(d); Bytes(d, "idx/train-images-idx3-ubyte", [0, 0]); }, "idx/train-images-idx3-ubyte", "the data ended after 2"),
        new("idx: truncated dimensions", Idx, d => { GoodIdx(d); Bytes(d, "idx/train-images-idx3-ubyte", [0, 0, 8, 3, 0, 0, 0, 4]); }, "idx/train-images-idx3-ubyte", "IDX header (3 dimension sizes)"),
        new("idx: labels where images belong", Idx, d => { GoodIdx(d); Bytes(d, "idx/train-images-idx3-ubyte", IdxLabels(4)); }, "idx/train-images-idx3-ubyte", "this is an IDX label file"),
        new("idx: not an IDX file", Idx, d => { GoodIdx(d); Bytes(d, "idx/train-labels-idx1-ubyte", Encoding.ASCII.GetBytes("hello, world")); }, "idx/train-labels-idx1-ubyte", "not an IDX file"),
        new("idx: float elements", Idx, d => { GoodIdx(d); Bytes(d, "idx/t10k-images-idx3-ubyte", [0, 0, 0x0D, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2]); }, "idx/t10k-images-idx3-ubyte", "element type 0x0D (float32)"),
        new("idx: header promises more images", Idx, d => { GoodIdx(d); Bytes(d, "idx/train-images-idx3-ubyte", IdxImages(100, 2, 2, 4)); }, "idx/train-images-idx3-ubyte", "truncated: the header promises 400 bytes"),
        new("idx: more bytes than the header says", Idx, d => { GoodIdx(d); Bytes(d, "idx/train-labels-idx1-ubyte", [.. IdxLabels(4), 7, 7]); }, "idx/train-labels-idx1-ubyte", "2 bytes more than the header"),
        new("idx: label and image counts differ", Idx, d => { GoodIdx(d); Bytes(d, "idx/t10k-labels-idx1-ubyte", IdxLabels(3)); }, "idx/t10k-labels-idx1-ubyte", "has 3 labels but"),
        new("idx: absurd dimension", Idx, d => { GoodIdx(d); Bytes(d, "idx/train-images-idx3-ubyte", [0, 0, 8, 3, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 2, 0, 0, 0, 2]); }, "idx/train-images-idx3-ubyte", "cannot be right"),
        new("idx: zero image size", Idx, d => { GoodIdx(d); Bytes(d, "idx/train-images-idx3-ubyte", IdxImages(4, 0, 2, 0)); }, "idx/train-images-idx3-ubyte", "has a zero dimension"),
        new("idx: test images of another size", Idx, d => { GoodIdx(d); Bytes(d, "idx/t10k-images-idx3-ubyte", IdxImages(4, 3, 3, 36)); }, "idx/t10k-images-idx3-ubyte", "images are 3×3 but"),
        new("idx: corrupt gzip", Idx, d => { GoodIdx(d); File.Delete(Path.Combine(d, "idx", "train-images-idx3-ubyte")); Bytes(d, "idx/train-images-idx3-ubyte.gz", [0x1f, 0x8b, 1, 2, 3, 4, 5]); }, "idx/train-images-idx3-ubyte.gz", "corrupt gzip data"),
        new("mnist: folder option naming no folder", """{ "name": "mnist", "options": { "folder": "nowhere" } }""", _ => { }, "nowhere", "folder not found"),
        new("npy: missing labels", NpyPair, d => Bytes(d, "x.npy", Npy("|u1", [4, 2, 2], 16)), "y.npy", "file not found"),
        new("npy: zero-byte images", NpyPair, d => { GoodNpy(d); Bytes(d, "x.npy", []); }, "x.npy", ".npy magic and version"),
        new("npy: wrong magic", NpyPair, d => { GoodNpy(d); Bytes(d, "x.npy", Encoding.ASCII.GetBytes("PK\u0003\u0004 a zip, not an array")); }, "x.npy", "not a .npy file"),
        new("npy: unknown version", NpyPair, d => { GoodNpy(d); var b = Npy("|u1", [4, 2, 2], 16); b[6] = 9; Bytes(d, "x.npy", b); }, "x.npy", "format version 9.0 is not supported"),
        new("npy: header length past the end", NpyPair, d => { GoodNpy(d); Bytes(d, "x.npy", [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 0xFF, 0x7F, (byte)'{']); }, "x.npy", "runs past the end of the file"),
        new("npy: truncated header text", NpyPair, d => { GoodNpy(d); Bytes(d, "x.npy", Npy("|u1", [4, 2, 2], 16)[..20]); }, "x.npy", "runs past the end of the file"),
        new("npy: big-endian dtype", NpyPair, d => { GoodNpy(d); Bytes(d, "x.npy", Npy(">f4", [4, 2, 2], 64)); }, "x.npy", "dtype '>f4' is not supported"),
        new("npy: Fortran order", NpyPair, d => { GoodNpy(d); Bytes(d, "x.npy", Npy("|u1", [4, 2, 2], 16, fortran: true)); }, "x.npy", "fortran_order is True"),
        new("npy: shape larger than the data", NpyPair, d => { GoodNpy(d); Bytes(d, "x.npy", Npy("|u1", [400, 2, 2], 16)); }, "x.npy", "truncated: shape (400, 2, 2)"),
        new("npy: more data than the shape", NpyPair, d => { GoodNpy(d); Bytes(d, "y.npy", Npy("<i8", [4], 40)); }, "y.npy", "the header's shape is wrong"),
        new("npy: labels with two dimensions", NpyPair, d => { GoodNpy(d); Bytes(d, "y.npy", Npy("<i8", [2, 2], 32)); }, "y.npy", "expected one dimension (N)"),
        new("npy: fewer labels than images", NpyPair, d => { GoodNpy(d); Bytes(d, "y.npy", Npy("<i8", [3], 24)); }, "y.npy", "has 3 labels but"),
        new("npy: images with two dimensions", NpyPair, d => { GoodNpy(d); Bytes(d, "x.npy", Npy("|u1", [4, 4], 16)); }, "x.npy", "expected N×H×W, N×C×H×W or N×H×W×C"),
        new("image-folder: missing folder", Folder, _ => { }, "faces", "image folder not found"),
        new("image-folder: a file, not a folder", Folder, d => Bytes(d, "faces", [1, 2, 3]), "faces", "image folder not found"),
        new("image-folder: no class folders", Folder, d => Directory.CreateDirectory(Path.Combine(d, "faces")), "faces", "has no class sub-folders"),
        new("image-folder: a class without images", Folder, d => { Bytes(d, "faces/alice/1.png", [1]); Directory.CreateDirectory(Path.Combine(d, "faces", "bob")); }, "faces", "class folder(s) without image files (.jpg, .jpeg, .png, .bmp, .webp): bob"),
        new("image-folder: test classes differ", """{ "name": "image-folder", "options": { "train": "faces", "test": "faces-test" } }""",
            d => { Bytes(d, "faces/alice/1.png", [1]); Bytes(d, "faces/bob/1.png", [1]); Bytes(d, "faces-test/alice/1.png", [1]); Bytes(d, "faces-test/carol/1.png", [1]); }, "faces-test", "has class folders alice, carol"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_data_file_is_exit_2_naming_the_key_the_dataset_and_the_file(Case c)
    {
        c.Prepare(dir);
        var file = Path.Combine(dir, "m.json");
        File.WriteAllText(file, $$"""{ "name": "bad-data", "data": { "dataset": {{c.Dataset}} } }""");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.Run(["validate", file], output, error);
        var text = error.ToString();
        Assert.True(code == 2, $"exit {code}: {text}{output}");
        Assert.Contains($"{file}: data.dataset: dataset '{(string)JObject.Parse(c.Dataset)["name"]!}': {Path.Combine(dir, c.File)}", text);
        Assert.Contains(c.Phrase, text);
        Assert.DoesNotContain("   at ", text);
    }

    [Fact]
    public void Good_files_pass_and_run_refuses_a_bad_one_before_writing_anything()
    {
        GoodIdx(dir);
        GoodNpy(dir);
        foreach (var dataset in new[] { Idx, NpyPair })
        {
            var file = Path.Combine(dir, "m.json");
            File.WriteAllText(file, $$"""{ "name": "good-data", "data": { "dataset": {{dataset}} } }""");
            var error = new StringWriter();
            Assert.True(CommandLine.Run(["validate", file], new StringWriter(), error) == 0, error.ToString());
        }
        Bytes(dir, "idx/t10k-labels-idx1-ubyte", IdxLabels(5));
        var manifest = Path.Combine(dir, "m.json");
        File.WriteAllText(manifest, $$"""{ "name": "bad-data", "data": { "dataset": {{Idx}} } }""");
        var run = Path.Combine(dir, "run");
        var runError = new StringWriter();
        Assert.Equal(2, CommandLine.Run(["run", manifest, "--out", run], new StringWriter(), runError));
        Assert.Contains("t10k-labels-idx1-ubyte: has 5 labels but", runError.ToString());
        Assert.False(Directory.Exists(run));
    }

    private static void Bytes(string dir, string relative, byte[] bytes)
    {
        var path = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static byte[] IdxImages(int n, int h, int w, int pixels)
    {
        var b = new byte[16 + pixels];
        BinaryPrimitives.WriteInt32BigEndian(b, 0x803);
        BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(4), n);
        BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(8), h);
        BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(12), w);
        return b;
    }

    private static byte[] IdxLabels(int n)
    {
        var b = new byte[8 + n];
        BinaryPrimitives.WriteInt32BigEndian(b, 0x801);
        BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(4), n);
        for (var i = 0; i < n; i++) b[8 + i] = (byte)(i % 2);
        return b;
    }

    /// <summary>Four 2×2 images of two classes in each part.</summary>
    private static void GoodIdx(string dir)
    {
        foreach (var part in new[] { "train", "t10k" })
        {
            Bytes(dir, $"idx/{part}-images-idx3-ubyte", IdxImages(4, 2, 2, 16));
            Bytes(dir, $"idx/{part}-labels-idx1-ubyte", IdxLabels(4));
        }
    }

    /// <summary>A version 1.0 .npy file: header padded to a multiple of 64, then <paramref name="dataBytes"/> zero bytes.</summary>
    private static byte[] Npy(string descr, long[] shape, int dataBytes, bool fortran = false)
    {
        var shapeText = shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        var header = $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': {shapeText}, }}";
        var padded = header.PadRight((10 + header.Length + 1 + 63) / 64 * 64 - 10 - 1) + "\n";
        var b = new byte[10 + padded.Length + dataBytes];
        b[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY").CopyTo(b, 1);
        b[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(8), (ushort)padded.Length);
        Encoding.Latin1.GetBytes(padded).CopyTo(b, 10);
        return b;
    }

    private static void GoodNpy(string dir)
    {
        Bytes(dir, "x.npy", Npy("|u1", [4, 2, 2], 16));
        Bytes(dir, "y.npy", Npy("<i8", [4], 32));
    }
}
