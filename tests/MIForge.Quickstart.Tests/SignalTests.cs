using System.Diagnostics;

namespace MIForge.Quickstart.Tests;

/// <summary>The real miforge process on the Generic Host: SIGTERM stops a run as Ctrl-C does.</summary>
public sealed class SignalTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("miforge-signal-").FullName;
    public void Dispose() => Directory.Delete(dir, recursive: true);

    private const string Manifest = """
    {
      "name": "long-evaluator",
      "seed": 1,
      "data": {
        "dataset": { "name": "mnist", "options": { "pad": 2, "perClass": 100 } },
        "split": { "private": [0, 1], "public": [5, 6] }
      },
      "evaluator": { "model": "scnn", "training": { "epochs": 500, "batchSize": 16 } },
      "targets": [ { "id": "t", "model": "mcnn", "training": { "epochs": 1 } } ]
    }
    """;

    [Fact]
    public async Task Sigterm_keeps_finished_stages_removes_the_partial_one_and_exits_1()
    {
        var manifest = Path.Combine(dir, "m.json");
        File.WriteAllText(manifest, Manifest);
        var outDir = Path.Combine(dir, "run");
        var psi = new ProcessStartInfo("dotnet", [Repository.HostDll(), "run", manifest, "--out", outDir]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stages = Path.Combine(outDir, "stages");
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!(Directory.Exists(stages) && Directory.GetDirectories(stages, "evaluator-*.partial").Length > 0) && DateTime.UtcNow < deadline && !p.HasExited)
            await Task.Delay(100);
        if (p.HasExited) Assert.Fail("miforge ended before its first stage began: " + await stderr);
        await Task.Delay(500);
        using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString()])!) await kill.WaitForExitAsync();
        var exited = p.WaitForExit(60_000);
        Assert.True(exited, "miforge did not stop within 60 s of SIGTERM");
        var error = await stderr;
        await stdout;
        Assert.Equal(1, p.ExitCode);
        Assert.Contains("interrupted; finished stages are kept", error);
        Assert.Empty(Directory.GetDirectories(stages, "*.partial"));
        Assert.Empty(Directory.GetFiles(stages, "*.lock"));
    }
}
