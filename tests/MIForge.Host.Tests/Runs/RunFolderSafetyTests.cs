using MIForge.Host.Runs;
using MIForge.Host.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Tests.Runs;

/// <summary>Processes sharing a run folder: each stage is computed once, under its lock, and nothing is lost.</summary>
public sealed class RunFolderSafetyTests
{
    private const string Prior = "prior";

    [Fact]
    public async Task Two_runs_on_one_folder_compute_each_stage_once_and_both_see_every_metric()
    {
        using var solo = new Workspace();
        Assert.Equal(0, solo.Cli("run", solo.Write(Workspace.Manifest()), "--out", solo.Out).code);
        var expectedRows = MetricsFile.Read(Path.Combine(solo.Out, "metrics.json")).Count;

        using var w = new Workspace();
        var m = Workspace.Manifest();
        m["attacks"]![0]!["attack"]!["options"]!["sleepMs"] = 300;
        var path = w.Write(m);
        Counters.Reset();
        var runs = await Task.WhenAll(Task.Run(() => w.Cli("run", path, "--out", w.Out)), Task.Run(() => w.Cli("run", path, "--out", w.Out)));
        Assert.All(runs, r => Assert.True(r.code == 0, r.error));
        Assert.Equal(1, Counters.PriorTrainings);
        Assert.Equal(1, Counters.Attacks);
        Assert.Equal(expectedRows, MetricsFile.Read(Path.Combine(w.Out, "metrics.json")).Count);
        var stages = Path.Combine(w.Out, "stages");
        Assert.Empty(Directory.GetDirectories(stages, "*.partial"));
        Assert.Empty(Directory.GetFiles(stages, "*.lock"));
        Assert.All(Directory.GetDirectories(stages), d => Assert.True(File.Exists(Path.Combine(d, "stage.json")), d));
    }

    [Fact]
    public void A_lock_left_by_a_dead_process_is_broken_with_a_warning()
    {
        using var w = new Workspace();
        var path = w.Write(Workspace.Manifest());
        Assert.Equal(0, w.Cli("run", path, "--out", w.Out).code);
        var prior = w.StageDirectory(Prior);
        Directory.Delete(prior, recursive: true);
        var dead = FindDeadPid();
        File.WriteAllText(prior + ".lock", new JObject { ["host"] = Environment.MachineName, ["pid"] = dead, ["since"] = "2026-01-01T00:00:00Z", ["token"] = "x" }.ToString());

        var (code, _, error) = w.Cli("run", path, "--out", w.Out);
        Assert.True(code == 0, error);
        Assert.Contains($"breaking the stale lock {prior}.lock of pid {dead} on {Environment.MachineName}", error);
        Assert.Equal("ran", w.Statuses()[Prior]);
        Assert.False(File.Exists(prior + ".lock"));
    }

    [Fact]
    public async Task A_run_waits_for_a_live_owner_and_then_takes_its_result_from_the_cache()
    {
        using var w = new Workspace();
        var path = w.Write(Workspace.Manifest());
        Assert.Equal(0, w.Cli("run", path, "--out", w.Out).code);
        var prior = w.StageDirectory(Prior);
        var kept = prior + ".kept";
        Directory.Move(prior, kept);

        Task<(int code, string output, string error)> run;
        using (StageLock.Acquire(prior, NullLogger.Instance, CancellationToken.None))
        {
            run = Task.Run(() => w.Cli("run", path, "--out", w.Out));
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!File.Exists(Path.Combine(w.Out, "logs", "run.log")) && DateTime.UtcNow < deadline) await Task.Delay(20);
            await Task.Delay(1000);
            Assert.False(run.IsCompleted);
            Assert.False(Directory.Exists(prior));
            Directory.Move(kept, prior); // the owner finishes the stage, then releases its lock
        }
        var (code, _, error) = await run;
        Assert.True(code == 0, error);
        Assert.Equal("cached", w.Statuses()[Prior]);
    }

    private static int FindDeadPid()
    {
        for (var pid = 4_000_000; pid > 1000; pid -= 7919)
            if (!Directory.Exists($"/proc/{pid}")) return pid;
        throw new InvalidOperationException("no free pid found");
    }
}
