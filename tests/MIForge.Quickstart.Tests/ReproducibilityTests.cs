using MIForge.Host.Cli;

namespace MIForge.Quickstart.Tests;

/// <summary>The same manifest and seed give byte-identical checkpoints and reconstructions on the same
/// machine (TorchSharp's libtorch, real plugins, two fresh run folders).</summary>
public sealed class ReproducibilityTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("miforge-repro-").FullName;
    public void Dispose() => Directory.Delete(dir, recursive: true);

    private const string Manifest = """
    {
      "name": "tiny-repro",
      "seed": 5,
      "data": {
        "dataset": { "name": "mnist", "options": { "pad": 2, "perClass": 16 } },
        "split": { "private": [0, 1, 2], "public": [5, 6, 7] }
      },
      "evaluator": { "model": "scnn", "training": { "epochs": 1, "batchSize": 16 } },
      "targets": [ { "id": "t", "model": "mcnn", "training": { "epochs": 1, "batchSize": 16, "optimizer": "adam", "learningRate": 0.001 } } ],
      "prior": { "name": "wgan-gp", "options": { "epochs": 1, "width": 8, "batchSize": 16 } },
      "attacks": [ { "id": "gmi", "attack": { "name": "gmi", "options": { "iterations": 3, "restarts": 1 } }, "perClass": 1 } ],
      "metrics": [ "attack-accuracy" ]
    }
    """;

    private string Run(string name)
    {
        var manifest = Path.Combine(dir, "m.json");
        File.WriteAllText(manifest, Manifest);
        var output = new StringWriter();
        var error = new StringWriter();
        var outDir = Path.Combine(dir, name);
        Assert.True(CommandLine.Run(["run", manifest, "--out", outDir], output, error) == 0, error.ToString());
        return outDir;
    }

    [Fact]
    public void Two_runs_of_one_manifest_write_the_same_bytes()
    {
        var a = Run("a");
        var b = Run("b");
        var files = Directory.GetFiles(Path.Combine(a, "stages"), "*.safetensors", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains(files, f => f.EndsWith("model.safetensors", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("generator.safetensors", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("reconstructions.safetensors", StringComparison.Ordinal));
        foreach (var f in files)
            Assert.True(File.ReadAllBytes(f).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, Path.GetRelativePath(a, f)))), Path.GetRelativePath(a, f));
    }
}
