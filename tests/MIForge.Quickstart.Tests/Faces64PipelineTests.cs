using System.Diagnostics;
using MIForge.Host.Runs;
using MIForge.TestSupport;

namespace MIForge.Quickstart.Tests;

/// <summary>
/// The whole 64×64 RGB path at a tiny size, through the CLI with the real plugins: a synthetic CelebA-shaped
/// folder of JPEGs loaded by the celeba plugin (GMI's crop 108 → 64), a 64×64 target, a 64×64 WGAN-GP prior,
/// GMI and the attack metrics. It runs the real CLI process, so SkiaSharp and its native library load from the
/// Data plugin's folder exactly as users get them (a test host's assembly resolution would hide a missing file).
/// </summary>
public sealed class Faces64PipelineTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("miforge-faces64-").FullName;
    public void Dispose() => Directory.Delete(dir, recursive: true);

    // 4 private identities (the 4 with most images: 1..4, 9 each) and 4 public ones (5..8, 8 each) pooled into class 4
    private static readonly string Manifest = """
    {
      "name": "tiny-faces64",
      "seed": 4,
      "data": {
        "dataset": { "name": "celeba", "options": { "root": "celeba", "privateIdentities": 4, "testFraction": 0.25, "cache": "cache" } },
        "split": { "private": [0, 1, 2, 3], "public": [4] }
      },
      "evaluator": { "model": "scnn", "training": { "epochs": 1, "batchSize": 8, "optimizer": "adam", "learningRate": 0.001 } },
      "targets": [
        { "id": "undefended", "model": "mcnn", "training": { "epochs": 4, "batchSize": 4, "optimizer": "adam", "learningRate": 0.001 } }
      ],
      "prior": { "name": "wgan-gp", "options": { "epochs": 1, "width": 8, "batchSize": 8 } },
      "attacks": [ { "id": "gmi", "attack": { "name": "gmi", "options": { "iterations": 3, "restarts": 1 } }, "perClass": 1 } ],
      "metrics": [ "attack-accuracy", "knn-distance" ]
    }
    """;

    [Fact]
    public async Task Synthetic_celeba_jpegs_run_through_target_prior_gmi_and_metrics_at_64x64()
    {
        SyntheticCeleba.Write(Path.Combine(dir, "celeba"), 8, [9, 9, 9, 9, 8, 8, 8, 8], seed: 2);
        var manifest = Path.Combine(dir, "faces.json");
        File.WriteAllText(manifest, Manifest);
        var run = Path.Combine(dir, "run");
        var psi = new ProcessStartInfo("dotnet", [Repository.HostDll(), "run", manifest, "--out", run]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using (var p = Process.Start(psi)!)
        {
            var error = p.StandardError.ReadToEndAsync();
            var output = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            Assert.True(p.ExitCode == 0, await error + output);
        }

        string Stage(string id) => Directory.GetDirectories(Path.Combine(run, "stages"), id + "-*").Single();
        var reconstructions = Path.Combine(Stage("attack.undefended.gmi"), "reconstructions.safetensors");
        Assert.True(File.Exists(reconstructions));
        Assert.True(File.Exists(Path.Combine(Stage("metrics.undefended.gmi"), "pairs.png")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir, "cache"), "*.u8"));
        // the identity split is written into the run folder, so the split is reproducible from the run alone
        Assert.Contains("1\t0\tprivate", File.ReadAllLines(Path.Combine(run, "celeba-identities.tsv")));

        var keys = MetricsFile.Read(Path.Combine(run, "metrics.json")).ToDictionary(r => r.Key, r => r.Value);
        // the identities are separable: the target learns them well above the 1-in-4 chance
        Assert.InRange(keys["undefended/host.test_acc"], 0.5, 1.0);
        Assert.InRange(keys["undefended/gmi/attack-accuracy.acc_top1"], 0.0, 1.0);
        Assert.True(keys["undefended/gmi/knn-distance.knn_dist"] >= 0);
        Assert.All(keys, r => Assert.True(double.IsFinite(r.Value), r.Key));
    }
}
