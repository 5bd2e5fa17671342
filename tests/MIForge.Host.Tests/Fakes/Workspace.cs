using MIForge.Host.Cli;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Tests.Fakes;

/// <summary>A temporary folder with a manifest, and the CLI run in-process against the fakes.</summary>
public sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "miforge-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        Counters.Reset();
    }

    public string Root { get; }
    public string Out => Path.Combine(Root, "run");

    public string Write(JObject manifest, string name = "manifest.json") => Write(manifest.ToString(), name);

    public string Write(string text, string name = "manifest.json")
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    public (int code, string output, string error) Cli(CancellationToken cancellation = default, params string[] args) =>
        Run(new CliSettings { DefaultPlugins = false, Configure = TestPlugins.Add, Cancellation = cancellation }, args);

    /// <summary>The CLI in a process configured with <paramref name="threads"/> intra-op threads (as MIFORGE_THREADS does).</summary>
    public (int code, string output, string error) CliWithThreads(int threads, params string[] args) =>
        Run(new CliSettings { DefaultPlugins = false, Configure = TestPlugins.Add, Threads = threads }, args);

    private static (int code, string output, string error) Run(CliSettings settings, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.Run(args, output, error, settings);
        return (code, output.ToString(), error.ToString());
    }

    public (int code, string output, string error) Cli(params string[] args) => Cli(default, args);

    /// <summary>stages.json of the run: stage id → status.</summary>
    public Dictionary<string, string> Statuses(string? point = null)
    {
        var dir = point is null ? Out : Path.Combine(Out, "points", point);
        return JArray.Parse(File.ReadAllText(Path.Combine(dir, "stages.json"))).ToDictionary(o => (string)o["id"]!, o => (string)o["status"]!);
    }

    /// <summary>The one finished stage folder whose id is <paramref name="stageId"/>.</summary>
    public string StageDirectory(string stageId) => Directory.GetDirectories(Path.Combine(Out, "stages"), stageId + "-*").Single();

    /// <summary>A small manifest using every fake: one defended target, evaluator, prior, one attack, OOD.</summary>
    public static JObject Manifest() => JObject.Parse("""
    {
      "name": "fake-run",
      "seed": 7,
      "device": "cpu",
      "data": {
        "dataset": { "name": "fake-digits", "options": { "classes": 6, "perClass": 6 } },
        "split": { "private": [0, 1, 2], "public": [3, 4, 5] }
      },
      "evaluator": { "model": "fake-linear", "training": { "epochs": 2, "batchSize": 8 } },
      "targets": [
        { "model": "fake-linear", "defense": { "name": "fake-defense", "options": { "weight": 0.5 } }, "training": { "epochs": 2, "batchSize": 8, "optimizer": "adam", "learningRate": 0.01 } }
      ],
      "prior": "fake-prior",
      "attacks": [ { "attack": { "name": "fake-attack", "options": { "iterations": 2 } }, "access": "black-box", "perClass": 2 } ],
      "ood": { "sets": [ { "dataset": { "name": "fake-digits", "options": { "classes": 2 } } } ], "scorers": [ "fake-msp" ] },
      "metrics": [ "fake-attack-acc", "fake-ood-gap" ]
    }
    """);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
