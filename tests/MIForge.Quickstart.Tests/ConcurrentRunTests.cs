using System.Diagnostics;
using System.Text.RegularExpressions;
using MIForge.Host.Runs;

namespace MIForge.Quickstart.Tests;

/// <summary>Two real miforge processes run one manifest into one folder, the second started while the first
/// is at different stages: every stage is computed once, and metrics.json is that of a single run.</summary>
public sealed partial class ConcurrentRunTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("miforge-concurrent-").FullName;
    public void Dispose() => Directory.Delete(dir, recursive: true);

    private const string Manifest = """
    {
      "name": "two-processes",
      "seed": 4,
      "data": {
        "dataset": { "name": "mnist", "options": { "pad": 2, "perClass": 60 } },
        "split": { "private": [0, 1, 2], "public": [5, 6, 7] }
      },
      "evaluator": { "model": "scnn", "training": { "epochs": 2, "batchSize": 16 } },
      "targets": [ { "id": "t", "model": "mcnn", "training": { "epochs": 2, "batchSize": 16 } } ],
      "prior": { "name": "wgan-gp", "options": { "epochs": 2, "width": 8, "batchSize": 16 } },
      "attacks": [ { "id": "gmi", "attack": { "name": "gmi", "options": { "iterations": 20, "restarts": 1 } }, "perClass": 2 } ],
      "metrics": [ "attack-accuracy" ]
    }
    """;

    [GeneratedRegex(@"stage ([\w.-]+): running")]
    private static partial Regex Running();

    private sealed record Finished(int Code, string Log);

    private static async Task<Finished> Start(string manifest, string outDir, TimeSpan after)
    {
        await Task.Delay(after);
        var psi = new ProcessStartInfo("dotnet", [Repository.HostDll(), "run", manifest, "--out", outDir, "--verbose"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        return new Finished(p.ExitCode, await stderr + stdout);
    }

    private static string Rows(string run) =>
        string.Join("\n", MetricsFile.Read(Path.Combine(run, "metrics.json")).Select(r => $"{r.Key}={r.Value:R}").Order(StringComparer.Ordinal));

    [Fact]
    public async Task Runs_started_half_a_second_5_s_and_12_s_apart_compute_each_stage_once_and_agree_with_a_single_run()
    {
        var manifest = Path.Combine(dir, "m.json");
        File.WriteAllText(manifest, Manifest);
        var single = Path.Combine(dir, "single");
        var alone = await Start(manifest, single, TimeSpan.Zero);
        Assert.True(alone.Code == 0, alone.Log);
        var expected = Rows(single);
        Assert.Contains("acc_top1", expected);
        // the report runs every time (it only gathers finished stages); every other stage is computed once
        var stages = Running().Matches(alone.Log).Select(m => m.Groups[1].Value).Where(s => s != "report").ToArray();
        Assert.Contains("attack.t.gmi", stages);

        foreach (var gap in new[] { 0.5, 5, 12 })
        {
            var shared = Path.Combine(dir, $"shared-{gap}");
            var runs = await Task.WhenAll(Start(manifest, shared, TimeSpan.Zero), Start(manifest, shared, TimeSpan.FromSeconds(gap)));
            foreach (var r in runs) Assert.True(r.Code == 0, $"{gap} s apart:\n{r.Log}");
            var computed = runs.SelectMany(r => Running().Matches(r.Log).Select(m => m.Groups[1].Value)).ToArray();
            foreach (var stage in stages)
                Assert.True(computed.Count(s => s == stage) == 1, $"{gap} s apart: stage {stage} computed {computed.Count(s => s == stage)} times\n{runs[0].Log}\n----\n{runs[1].Log}");
            Assert.Equal(expected, Rows(shared));
            Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(shared, "stages"), "*.partial"));
            Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(shared, "stages"), "*.lock"));
        }
    }
}
