using System.Diagnostics;
using MIForge.Host.Cli;
using Newtonsoft.Json.Linq;

namespace MIForge.Quickstart.Tests;

/// <summary>The host's own code is in every stage's hash: the host built again from the same source in
/// another folder reuses every stage; built with one constant of the trainer changed, it retrains.</summary>
public sealed class HostCodeTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("miforge-hostcode-").FullName;
    public void Dispose() => Directory.Delete(dir, recursive: true);

    private const string Manifest = """
    {
      "name": "tiny-host-code",
      "seed": 2,
      "data": {
        "dataset": { "name": "mnist", "options": { "pad": 2, "perClass": 8 } },
        "split": { "private": [0, 1], "public": [5, 6] }
      },
      "evaluator": { "model": "scnn", "training": { "epochs": 1, "batchSize": 16 } },
      "targets": [ { "id": "t", "model": "mcnn", "training": { "epochs": 1, "batchSize": 16 } } ]
    }
    """;

    private static readonly string Root = Repository.Root;

    private static readonly string Configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";

    /// <summary>Copies what building the host needs (src/, the build props and targets, build/) into <paramref name="to"/>.</summary>
    private static void CopySources(string to)
    {
        foreach (var f in new[] { "Directory.Build.props", "Directory.Build.targets" }) File.Copy(Path.Combine(Root, f), Path.Combine(to, f));
        foreach (var d in new[] { "src", "build" }) Repository.CopyTree(Path.Combine(Root, d), Path.Combine(to, d));
    }

    private static (int code, string text) Process(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = System.Diagnostics.Process.Start(start)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, text + stderr.Result);
    }

    /// <summary>Builds the host of the source copy in <paramref name="tree"/>; returns its MIForge.Host.dll.</summary>
    private static string BuildHost(string tree)
    {
        var (code, text) = Process("dotnet", "build", Path.Combine(tree, "src", "Host", "MIForge.Host.csproj"), "-c", Configuration, "-nologo", "-v:q");
        Assert.True(code == 0, "building the copied host failed:\n" + text);
        return Path.Combine(tree, "artifacts", "bin", "MIForge.Host", Configuration, "net10.0", "MIForge.Host.dll");
    }

    private static Dictionary<string, string> Statuses(string run) =>
        JArray.Parse(File.ReadAllText(Path.Combine(run, "stages.json"))).ToDictionary(s => (string)s["id"]!, s => (string)s["status"]!);

    [Fact]
    public void A_rebuild_elsewhere_keeps_the_cache_and_a_changed_trainer_constant_retrains_the_classifiers()
    {
        var manifest = Path.Combine(dir, "m.json");
        File.WriteAllText(manifest, Manifest);
        var run = Path.Combine(dir, "run");
        // the first run is a process too, as the later ones: the code identity is the one a miforge process computes
        var (first, output) = Process("dotnet", Repository.HostDll(), "run", manifest, "--out", run);
        Assert.True(first == 0, output);
        Assert.Equal("ran", Statuses(run)["target.t"]);

        var tree = Path.Combine(dir, "copy of the source");
        Directory.CreateDirectory(tree);
        CopySources(tree);
        var host = BuildHost(tree);
        var plugins = Path.Combine(Root, "artifacts", "plugins");
        var (code, text) = Process("dotnet", host, "run", manifest, "--out", run, "--plugins", plugins);
        Assert.True(code == 0, text);
        Assert.All(Statuses(run).Where(s => s.Key is not ("data" or "report")), s => Assert.True(s.Value == "cached", $"{s.Key}: {s.Value} with the host rebuilt from the same source"));

        var trainer = Path.Combine(tree, "src", "Host", "Training", "ClassifierTrainer.cs");
        var source = File.ReadAllText(trainer);
        Assert.Contains("0x5eed", source);
        File.WriteAllText(trainer, source.Replace("0x5eed", "0x5eee"));
        host = BuildHost(tree);
        (code, text) = Process("dotnet", host, "run", manifest, "--out", run, "--plugins", plugins);
        Assert.True(code == 0, text);
        var statuses = Statuses(run);
        Assert.Equal("ran", statuses["evaluator"]);
        Assert.Equal("ran", statuses["target.t"]);
    }
}
