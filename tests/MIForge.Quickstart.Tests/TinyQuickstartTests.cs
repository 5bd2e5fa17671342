using MIForge.Host.Cli;
using MIForge.Host.Runs;
using Newtonsoft.Json.Linq;

namespace MIForge.Quickstart.Tests;

/// <summary>
/// The quickstart's shape (evaluator, undefended and BiDO-HSIC targets, WGAN-GP prior, GMI and
/// KED-MI, attack metrics, an OOD section) at a tiny size, run through the CLI with the real
/// plugins: every artifact exists and every metric is finite.
/// </summary>
public sealed class TinyQuickstartTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("miforge-quickstart-").FullName;
    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static readonly string Manifest = """
    {
      "name": "tiny-quickstart",
      "seed": 3,
      "data": {
        "dataset": { "name": "mnist", "options": { "pad": 2, "perClass": 40 } },
        "split": { "private": [0, 1, 2, 3, 4], "public": [5, 6, 7, 8, 9] }
      },
      "evaluator": { "model": "scnn", "training": { "epochs": 1, "batchSize": 32, "optimizer": "adam", "learningRate": 0.001 } },
      "targets": [
        { "id": "undefended", "model": "mcnn", "training": { "epochs": 1, "batchSize": 32, "optimizer": "adam", "learningRate": 0.001, "validation": 0.2 } },
        { "id": "bido-hsic", "model": "mcnn",
          "defense": { "name": "bido", "options": { "measure": "hsic", "lambdaX": 2, "lambdaY": 20 } },
          "training": { "epochs": 1, "batchSize": 32, "optimizer": "adam", "learningRate": 0.001 } }
      ],
      "prior": { "name": "wgan-gp", "options": { "epochs": 1, "width": 8, "batchSize": 32 } },
      "attacks": [
        { "id": "gmi", "attack": { "name": "gmi", "options": { "iterations": 4, "restarts": 1 } }, "perClass": 2 },
        { "id": "kedmi", "attack": { "name": "kedmi", "options": { "iterations": 4 } }, "perClass": 2 }
      ],
      "ood": { "sets": [ { "dataset": { "name": "fashion-mnist", "options": { "pad": 2, "perClass": 20 } } } ], "scorers": [ "energy" ] },
      "metrics": [ "attack-accuracy", "knn-distance", "evaluator-fid", "ood-detection" ]
    }
    """;

    [Fact]
    public void Tiny_quickstart_writes_every_artifact_and_finite_metrics()
    {
        var manifest = Path.Combine(dir, "tiny.json");
        File.WriteAllText(manifest, Manifest);
        var run = Path.Combine(dir, "run");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.Run(new[] { "run", manifest, "--out", run }, output, error, new CliSettings());
        Assert.True(code == 0, error.ToString());
        Assert.Contains($"report: {Path.Combine(run, "report.html")}", output.ToString());

        foreach (var f in new[] { "manifest.given.json", "manifest.resolved.json", "environment.json", "stages.json", "metrics.json", "report.html", "logs/run.log" })
            Assert.True(File.Exists(Path.Combine(run, f)), f);
        string Stage(string id) => Directory.GetDirectories(Path.Combine(run, "stages"), id + "-*").Single();
        foreach (var id in new[] { "evaluator", "target.undefended", "target.bido-hsic" })
        {
            Assert.True(File.Exists(Path.Combine(Stage(id), "model.safetensors")), id);
            Assert.True(File.Exists(Path.Combine(Stage(id), "model.safetensors.json")), id);
            Assert.True(File.Exists(Path.Combine(Stage(id), "training.json")), id);
        }
        var bidoLog = JObject.Parse(File.ReadAllText(Path.Combine(Stage("target.bido-hsic"), "training.json")));
        Assert.Contains("xz.layer1", ((JObject)bidoLog["epochs"]![0]!).Properties().Select(p => p.Name));
        Assert.True(Directory.EnumerateFiles(Path.Combine(Stage("prior"), "prior")).Any());
        foreach (var target in new[] { "undefended", "bido-hsic" })
            foreach (var attack in new[] { "gmi", "kedmi" })
            {
                Assert.True(File.Exists(Path.Combine(Stage($"attack.{target}.{attack}"), "reconstructions.safetensors")));
                Assert.True(File.Exists(Path.Combine(Stage($"attack.{target}.{attack}"), "reconstructions.png")));
                Assert.True(File.Exists(Path.Combine(Stage($"metrics.{target}.{attack}"), "pairs.png")));
            }
        Assert.True(File.Exists(Path.Combine(Stage("ood.bido-hsic"), "scores.energy.fashion-mnist.safetensors")));

        var rows = MetricsFile.Read(Path.Combine(run, "metrics.json"));
        var keys = rows.ToDictionary(r => r.Key, r => r.Value);
        foreach (var target in new[] { "undefended", "bido-hsic" })
        {
            Assert.InRange(keys[$"{target}/host.test_acc"], 0.0, 1.0);
            foreach (var attack in new[] { "gmi", "kedmi" })
            {
                Assert.InRange(keys[$"{target}/{attack}/attack-accuracy.acc_top1"], 0.0, 1.0);
                Assert.InRange(keys[$"{target}/{attack}/attack-accuracy.acc_top5"], 0.0, 1.0);
                Assert.True(keys[$"{target}/{attack}/knn-distance.knn_dist"] >= 0);
                Assert.True(double.IsFinite(keys[$"{target}/{attack}/evaluator-fid.evaluator_fid"]));
            }
            Assert.InRange(keys[$"{target}/energy/fashion-mnist/ood-detection.auroc"], 0.0, 1.0);
            Assert.InRange(keys[$"{target}/energy/fashion-mnist/ood-detection.fpr95"], 0.0, 1.0);
        }
        Assert.All(rows, r => Assert.True(double.IsFinite(r.Value), r.Key));
        var html = File.ReadAllText(Path.Combine(run, "report.html"));
        foreach (var section in new[] { "Summary", "Training curves", "Reconstructions", "OOD scores" })
            Assert.Contains($"<h2>{section}", html);
    }
}
