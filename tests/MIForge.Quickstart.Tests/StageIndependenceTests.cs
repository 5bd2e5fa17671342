using MIForge.Host.Cli;
using Newtonsoft.Json.Linq;

namespace MIForge.Quickstart.Tests;

/// <summary>A stage's result depends only on its inputs, with the real plugins: the same stage hash gives
/// the same bytes whichever stages were cached or forced, and data failures are the data stage's.</summary>
public sealed class StageIndependenceTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("miforge-independence-").FullName;
    public void Dispose() => Directory.Delete(dir, recursive: true);

    private const string Manifest = """
    {
      "name": "tiny-independence",
      "seed": 11,
      "data": {
        "dataset": { "name": "mnist", "options": { "pad": 2, "perClass": 16 } },
        "split": { "private": [0, 1, 2], "public": [5, 6, 7] }
      },
      "evaluator": { "model": "scnn", "training": { "epochs": 1, "batchSize": 16 } },
      "targets": [ { "id": "t", "model": "mcnn", "training": { "epochs": 1, "batchSize": 16, "optimizer": "adam", "learningRate": 0.001 } } ],
      "prior": { "name": "wgan-gp", "options": { "epochs": 1, "width": 8, "batchSize": 16 } },
      "metrics": [ "attack-accuracy" ]
    }
    """;

    private (int code, string output, string error) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string Write(string json, string name = "m.json")
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, json);
        return path;
    }

    private static Dictionary<string, string> Statuses(string run) =>
        JArray.Parse(File.ReadAllText(Path.Combine(run, "stages.json"))).ToDictionary(s => (string)s["id"]!, s => (string)s["status"]!);

    /// <summary>The stage folder of <paramref name="id"/> (named with its hash) and the bytes of <paramref name="file"/> in it.</summary>
    private static (string folder, byte[] bytes) Output(string run, string id, string file)
    {
        var folder = Directory.GetDirectories(Path.Combine(run, "stages"), id + "-*").Single(d => !d.EndsWith(".partial", StringComparison.Ordinal));
        return (Path.GetFileName(folder), File.ReadAllBytes(Path.Combine(folder, file)));
    }

    [Fact]
    public void The_same_stage_hash_gives_the_same_bytes_whether_its_neighbours_ran_were_cached_or_were_forced()
    {
        var manifest = Write(Manifest);
        var fresh = Path.Combine(dir, "fresh");
        var (code, _, error) = Cli("run", manifest, "--out", fresh);
        Assert.True(code == 0, error);
        Assert.All(Statuses(fresh).Where(s => s.Key is "evaluator" or "target.t" or "prior"), s => Assert.Equal("ran", s.Value));
        var files = new (string id, string file)[] { ("evaluator", "model.safetensors"), ("target.t", "model.safetensors"), ("prior", "prior/generator.safetensors") };
        var expected = files.ToDictionary(f => f.id, f => Output(fresh, f.id, f.file));

        void Same(string run, string why)
        {
            foreach (var (id, file) in files)
            {
                var (folder, bytes) = Output(run, id, file);
                Assert.Equal(expected[id].folder, folder);
                Assert.True(expected[id].bytes.AsSpan().SequenceEqual(bytes), $"{id} ({why}): {file} differs from the fresh run's for the same stage hash");
            }
        }

        // The target and the prior rerun in a folder where the evaluator is cached (the data are then
        // loaded before the target, not before the evaluator).
        (code, _, error) = Cli("run", manifest, "--out", fresh, "--force", "target", "--force", "prior");
        Assert.True(code == 0, error);
        var statuses = Statuses(fresh);
        Assert.Equal("cached", statuses["evaluator"]);
        Assert.Equal("ran", statuses["target.t"]);
        Assert.Equal("ran", statuses["prior"]);
        Same(fresh, "--force target, prior");

        // A new folder holding only the evaluator: the target and the prior run with the evaluator cached.
        var seeded = Path.Combine(dir, "seeded");
        Directory.CreateDirectory(Path.Combine(seeded, "stages"));
        var evaluator = expected["evaluator"].folder;
        Repository.CopyTree(Path.Combine(fresh, "stages", evaluator), Path.Combine(seeded, "stages", evaluator));
        (code, _, error) = Cli("run", manifest, "--out", seeded);
        Assert.True(code == 0, error);
        statuses = Statuses(seeded);
        Assert.Equal("cached", statuses["evaluator"]);
        Assert.Equal("ran", statuses["target.t"]);
        Same(seeded, "evaluator cached");

        // The evaluator alone, forced, after everything else is cached.
        (code, _, error) = Cli("run", manifest, "--out", seeded, "--force", "evaluator");
        Assert.True(code == 0, error);
        Assert.Equal("cached", Statuses(seeded)["target.t"]);
        Same(seeded, "--force evaluator");
    }

    [Fact]
    public void A_missing_data_file_is_refused_before_anything_is_written_and_bad_data_past_the_header_fails_the_data_stage()
    {
        var mnist = Directory.GetFiles(Path.Combine(Repository.Root, ".cache", "data", "mnist"), "*-ubyte");
        var folder = Path.Combine(dir, "idx");
        Directory.CreateDirectory(folder);
        foreach (var f in mnist.Where(f => !Path.GetFileName(f).StartsWith("t10k-labels", StringComparison.Ordinal)))
            File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        var m = JObject.Parse(Manifest);
        m["data"]!["dataset"] = JObject.Parse($$"""{ "name": "idx", "options": { "folder": "{{folder}}", "pad": 2, "perClass": 16 } }""");
        var run = Path.Combine(dir, "run");
        var manifest = Write(m.ToString());
        var (code, _, error) = Cli("run", manifest, "--out", run);
        Assert.Equal(2, code);
        Assert.Contains($"data.dataset: dataset 'idx': {folder}: missing t10k-labels-idx1-ubyte[.gz]", error);
        Assert.False(Directory.Exists(run));

        // A gzip file whose header is sound but whose labels stop early passes the header check; the data stage finds it.
        var labels = File.ReadAllBytes(mnist.Single(f => Path.GetFileName(f).StartsWith("t10k-labels", StringComparison.Ordinal)));
        using (var gz = new System.IO.Compression.GZipStream(File.Create(Path.Combine(folder, "t10k-labels-idx1-ubyte.gz")), System.IO.Compression.CompressionLevel.Fastest))
            gz.Write(labels, 0, 100);
        (code, _, error) = Cli("run", manifest, "--out", run);
        Assert.NotEqual(0, code);
        Assert.Contains("stage 'data' (dataset/idx", error);
        Assert.Contains("; manifest key data) failed", error);
        Assert.Contains("t10k-labels", error);
        Assert.DoesNotContain("stage 'evaluator'", error);
        Assert.Empty(Directory.GetDirectories(Path.Combine(run, "stages")));
    }
}
