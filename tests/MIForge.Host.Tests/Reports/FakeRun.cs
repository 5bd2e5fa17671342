using MIForge.Host.Cli;
using MIForge.Host.Plugins;
using MIForge.Host.Tests.Fakes;
using MIForge.Plugins.Metrics.Attack;

namespace MIForge.Host.Tests.Reports;

/// <summary>One finished run made once for the report tests, in seconds: the fakes (data, models,
/// defense, prior, attack, OOD scorer) with the real attack-accuracy and knn-distance metrics, so its
/// metrics.json has the rows a real run has. Two targets: undefended and defended.</summary>
public sealed class FakeRun : IDisposable
{
    private readonly Workspace workspace = new();

    public FakeRun()
    {
        var manifest = Workspace.Manifest();
        manifest["targets"]![0]!["id"] = "defended";
        ((Newtonsoft.Json.Linq.JArray)manifest["targets"]!).Insert(0, Newtonsoft.Json.Linq.JObject.Parse(
            """{ "id": "undefended", "model": "fake-linear", "training": { "epochs": 1, "batchSize": 8, "optimizer": "adam", "learningRate": 0.01 } }"""));
        manifest["attacks"]![0]!["id"] = "fake";
        manifest["metrics"] = new Newtonsoft.Json.Linq.JArray("attack-accuracy", "knn-distance", "fake-ood-gap");
        Manifest = workspace.Write(manifest);
        var (code, output, error) = Cli("run", Manifest, "--out", Folder);
        if (code != 0) throw new InvalidOperationException($"the fake run failed ({code}): {error}");
        RunOutput = output;
    }

    public string Manifest { get; }
    public string Folder => workspace.Out;
    public string RunOutput { get; }

    /// <summary>The CLI in-process with the fakes and the two real metrics.</summary>
    public static (int Code, string Output, string Error) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.Run(args, output, error, new CliSettings
        {
            DefaultPlugins = false,
            Configure = c =>
            {
                TestPlugins.Add(c);
                c.Add(PluginDiscovery.Describe(typeof(AttackAccuracy), "tests"));
                c.Add(PluginDiscovery.Describe(typeof(KnnDistance), "tests"));
            },
        });
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => workspace.Dispose();
}
