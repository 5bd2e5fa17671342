using System.Diagnostics;
using System.Text;
using MIForge.Numerics.Serialization;
using TorchSharp;
using Newtonsoft.Json.Linq;
using static TorchSharp.torch;

namespace MIForge.Numerics.Tests.Serialization;

public sealed class SafeTensorsTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("miforge-st-").FullName;
    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Round_trip_keeps_names_dtypes_shapes_values_and_metadata()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(dir, "a.safetensors");
        var src = new Dictionary<string, Tensor>
        {
            ["w"] = randn(3, 4),
            ["d"] = tensor(new double[] { 1.5, -2 }),
            ["i"] = arange(5),
            ["b"] = tensor(new bool[] { true, false, true }),
            ["u"] = tensor(new byte[] { 1, 2, 255 }),
            ["scalar"] = tensor(7f),
        };
        SafeTensors.Save(path, src, new Dictionary<string, string> { ["plugin"] = "mcnn" });
        var (loaded, meta) = SafeTensors.Load(path);
        Assert.Equal("mcnn", meta["plugin"]);
        Assert.Equal(src.Keys.OrderBy(k => k), loaded.Keys.OrderBy(k => k));
        foreach (var (k, t) in src)
        {
            Assert.Equal(t.dtype, loaded[k].dtype);
            Assert.Equal(t.shape, loaded[k].shape);
            Assert.True(t.equal(loaded[k]).all().item<bool>(), k);
        }
        foreach (var t in loaded.Values) t.Dispose();
    }

    [Fact]
    public void Files_follow_the_format_an_independent_python_reader_expects()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(dir, "py.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["x"] = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3), ["n"] = arange(4) });
        const string script = """
            import json, struct, sys, torch
            raw = open(sys.argv[1], 'rb').read()
            n = struct.unpack('<Q', raw[:8])[0]
            assert n % 8 == 0
            header = json.loads(raw[8:8 + n])
            data = raw[8 + n:]
            kinds = {'F32': torch.float32, 'I64': torch.int64}
            out = []
            for name in sorted(k for k in header if k != '__metadata__'):
                e = header[name]; b, f = e['data_offsets']
                t = torch.frombuffer(bytearray(data[b:f]), dtype=kinds[e['dtype']]).reshape(e['shape'])
                out.append(f"{name}:{list(t.shape)}:{t.sum().item()}")
            print(';'.join(out))
            """;
        var psi = new ProcessStartInfo("/usr/bin/python3", new[] { "-c", script, path }) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEnd();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, stderr);
        Assert.Equal("n:[4]:6;x:[2, 3]:21.0", stdout.Trim());
    }

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(dir, Guid.NewGuid() + ".safetensors");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] File_(string header, int dataBytes, ulong? lyingSize = null)
    {
        var h = Encoding.UTF8.GetBytes(header);
        var result = new byte[8 + h.Length + dataBytes];
        BitConverter.GetBytes(lyingSize ?? (ulong)h.Length).CopyTo(result, 0);
        h.CopyTo(result, 8);
        return result;
    }

    [Theory]
    [InlineData("tiny", "fewer than the 8-byte header size")]
    [InlineData("oversized", "exceeds the 100000000-byte limit")]
    [InlineData("truncated", "truncated?")]
    [InlineData("notjson", "header is not a JSON object")]
    [InlineData("dtype", "unsupported dtype 'Q8'")]
    [InlineData("offsets", "fall outside")]
    [InlineData("size", "needs 16")]
    [InlineData("huge-shape", "larger than the file")]
    [InlineData("holes", "overlapping or holes")]
    [InlineData("metadata", "is not a string")]
    public void Malformed_files_are_clear_errors_naming_the_file(string kind, string expected)
    {
        var bytes = kind switch
        {
            "tiny" => new byte[] { 1, 2, 3 },
            "oversized" => File_("{}", 0, lyingSize: 1UL << 40),
            "truncated" => File_("{}", 0, lyingSize: 64),
            "notjson" => File_("{not json", 0),
            "dtype" => File_("""{"a":{"dtype":"Q8","shape":[1],"data_offsets":[0,1]}}""", 1),
            "offsets" => File_("""{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}""", 8),
            "size" => File_("""{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,8]}}""", 8),
            "huge-shape" => File_("""{"a":{"dtype":"F32","shape":[100000,100000,100000],"data_offsets":[0,8]}}""", 8),
            "holes" => File_("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", 8),
            "metadata" => File_("""{"__metadata__":{"k":1}}""", 0),
            _ => throw new ArgumentException(kind),
        };
        var path = Write(bytes);
        var e = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Checkpoint_writes_state_and_a_sidecar_that_describes_it()
    {
        var path = Path.Combine(dir, "model.safetensors");
        using var a = nn.Linear(3, 2);
        Checkpoint.Save(path, a, new JObject { ["plugin"] = "linear", ["options"] = new JObject { ["in"] = 3 } });
        using var b = nn.Linear(3, 2);
        var sidecar = Checkpoint.Load(path, b);
        Assert.Equal("linear", (string)sidecar["plugin"]!);
        Assert.True(a.weight.equal(b.weight).all().item<bool>());
        using var c = nn.Linear(4, 2);
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, c));
        Assert.Contains(path, e.Message);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Checkpoint_with_a_non_finite_weight_is_refused_naming_the_file_and_the_tensor(double bad)
    {
        var path = Path.Combine(dir, "model.safetensors");
        using var a = nn.Linear(3, 2);
        using (no_grad()) a.bias![1] = bad;
        Checkpoint.Save(path, a, new JObject());
        using var b = nn.Linear(3, 2);
        using var before = b.weight!.clone();
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, b));
        Assert.Contains(path, e.Message);
        Assert.Contains("'bias' has 1 NaN or infinite value", e.Message);
        Assert.DoesNotContain("'weight'", e.Message);
        Assert.True(before.equal(b.weight).all().item<bool>(), "the module was changed by a refused checkpoint");
    }
}
