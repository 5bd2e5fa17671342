using System.Diagnostics;
using System.Text.RegularExpressions;
using MIForge.Host.Cluster;
using MIForge.Host.Runs;
using Newtonsoft.Json.Linq;

namespace MIForge.Quickstart.Tests;

/// <summary>`miforge submit --slurm` on a real single-node Slurm (<see cref="SlurmCluster"/>): a 3-point sweep
/// becomes one job per distinct stage with afterok dependencies and gives the metrics of a local run; a
/// cancelled stage job leaves the finished stages alone and a resubmission reruns only what is missing.</summary>
public sealed partial class SlurmSweepTests(SlurmCluster cluster) : IClassFixture<SlurmCluster>, IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("miforge-slurm-run-").FullName;
    public void Dispose() => Directory.Delete(dir, recursive: true);

    // No GAN prior or attack: the point here is the scheduling, and each stage job pays a process start-up.
    private static string Manifest(int targetEpochs, string sweep) => $$"""
    {
      "name": "slurm-sweep",
      "seed": 5,
      "data": {
        "dataset": { "name": "mnist", "options": { "pad": 2, "perClass": 30 } },
        "split": { "private": [0, 1, 2], "public": [5, 6, 7] }
      },
      "evaluator": { "model": "mcnn", "training": { "epochs": 1, "batchSize": 16 } },
      "targets": [ { "id": "t", "model": "mcnn", "training": { "epochs": {{targetEpochs}}, "batchSize": 16 } } ],
      "attacks": [],
      "metrics": []{{sweep}}
    }
    """;

    [GeneratedRegex(@"stage ([\w.-]+): running")]
    private static partial Regex Running();

    private static (int code, string output) Miforge(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet", [Repository.HostDll(), .. args]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout + stderr.Result);
    }

    private static Dictionary<string, JobRecord> Jobs(string run) => JobsFile.Read(run).jobs;

    /// <summary>Stage folder hash → its stage.json, for every finished stage.</summary>
    private static Dictionary<string, JObject> Finished(string run) =>
        Directory.GetDirectories(Path.Combine(run, "stages")).Where(d => File.Exists(Path.Combine(d, "stage.json")))
            .Select(d => JObject.Parse(File.ReadAllText(Path.Combine(d, "stage.json")))).ToDictionary(j => (string)j["hash"]!);

    private static string Rows(string metrics) =>
        string.Join("\n", MetricsFile.Read(metrics).Select(r => $"{r.Key}={r.Value:R}").Order(StringComparer.Ordinal));

    private static DateTime Time(IReadOnlyDictionary<string, string> job, string field) => DateTime.Parse(job[field], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Submit_sweep_runs_each_distinct_stage_as_one_job_after_its_inputs_and_matches_a_local_run()
    {
        var manifest = Path.Combine(dir, "sweep.json");
        File.WriteAllText(manifest, Manifest(1, ",\n  \"sweep\": { \"targets[0].training.learningRate\": [0.001, 0.002, 0.004] }"));
        var run = Path.Combine(dir, "cluster");
        var (code, output) = Miforge("submit", manifest, "--slurm", "--out", run, "--cpus-per-stage", "1");
        Assert.True(code == 0, output);
        var jobs = Jobs(run);
        cluster.WaitForQueue(jobs.Values.Select(j => j.Job), TimeSpan.FromMinutes(4));

        var local = Path.Combine(dir, "local");
        var (localCode, localOutput) = Miforge("run", manifest, "--out", local);
        Assert.True(localCode == 0, localOutput);

        var slurm = cluster.CompletedJobs();
        var logs = jobs.Values.ToDictionary(j => j.Hash, j => File.ReadAllText(j.Log));
        foreach (var j in jobs.Values)
        {
            Assert.True(slurm.TryGetValue(j.Job, out var record), $"Slurm has no record of job {j.Job} ({j.Id})");
            Assert.True(record["JobState"] == "COMPLETED", $"job {j.Job} ({j.Id}): {record["JobState"]}\n{logs[j.Hash]}");
            Assert.Equal("miforge." + j.Id, record["Name"]);
            // the job computed its own stage, and only that one
            Assert.Equal(new[] { j.Id }, Running().Matches(logs[j.Hash]).Select(m => m.Groups[1].Value));
        }
        // every finished stage is one job's; shared stages (one hash for all three points) ran once
        var finished = Finished(run);
        Assert.Equal(finished.Keys.Order(), jobs.Keys.Order());
        var perId = jobs.Values.GroupBy(j => j.Id).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, perId["evaluator"]);
        foreach (var perPoint in new[] { "target.t", "metrics.t", "report" }) Assert.Equal(3, perId[perPoint]);
        Assert.All(jobs.Values.Where(j => j.Id == "evaluator"), j => Assert.Equal(3, j.Points.Count));

        // dependencies held: each job started after every input stage's job ended (the runner's record of inputs)
        foreach (var (hash, stage) in finished)
            foreach (var input in ((JArray)stage["inputs"]!).Select(i => (string)i["hash"]!).Where(jobs.ContainsKey))
            {
                var (job, after) = (slurm[jobs[hash].Job], slurm[jobs[input].Job]);
                Assert.True(Time(job, "StartTime") >= Time(after, "EndTime"), $"{stage["id"]} started {job["StartTime"]}, before its input {jobs[input].Id} ended {after["EndTime"]}");
            }

        var points = Directory.GetDirectories(Path.Combine(local, "points")).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(3, points.Length);
        foreach (var point in points)
            Assert.Equal(Rows(Path.Combine(local, "points", point!, "metrics.json")), Rows(Path.Combine(run, "points", point!, "metrics.json")));
    }

    [Fact]
    public void Scancel_of_a_running_stage_job_keeps_finished_stages_and_a_resubmission_reruns_only_what_is_missing()
    {
        var manifest = Path.Combine(dir, "one.json");
        File.WriteAllText(manifest, Manifest(1, ""));
        var run = Path.Combine(dir, "cluster");
        var (dry, plan) = Miforge("submit", manifest, "--slurm", "--out", run, "--dry-run");
        Assert.True(dry == 0, plan);
        Assert.False(Directory.Exists(run), "a dry run writes nothing");
        var folder = Regex.Match(plan, @"^(target\.t-[0-9a-f]{12}): would submit", RegexOptions.Multiline).Groups[1].Value;
        Assert.Matches(@"(?m)^metrics\.t-[0-9a-f]{12}: would submit after <target\.t>, <evaluator>$", plan);

        // this test holds the target's stage lock, so its job, once running, waits for it (a live owner) until cancelled
        Dictionary<string, JobRecord> first;
        JobRecord target;
        using (StageLock.Acquire(Path.Combine(run, "stages", folder), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None))
        {
            var (code, output) = Miforge("submit", manifest, "--slurm", "--out", run);
            Assert.True(code == 0, output);
            first = Jobs(run);
            target = first.Values.Single(j => j.Id == "target.t");
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!(File.Exists(target.Log) && File.ReadAllText(target.Log).Contains("waiting for")))
            {
                Assert.True(DateTime.UtcNow < deadline, $"the target's job never waited for the lock:\n{Miforge("status", run).output}");
                Thread.Sleep(100);
            }
            var (_, waiting) = Miforge("status", run);
            Assert.Matches($@"target\.t\s+{target.Hash[..12]}\s+running\s+{target.Job}\s", waiting);
            Assert.Matches(@"report\s+[0-9a-f]{12}\s+queued\s+\d+\s+Dependency", waiting);
            SlurmCluster.Run("scancel", target.Job);
            cluster.WaitForQueue(first.Values.Select(j => j.Job), TimeSpan.FromMinutes(3));
        }

        var slurm = cluster.CompletedJobs();
        Assert.Equal("CANCELLED", slurm[target.Job]["JobState"]);
        var kept = Finished(run);
        Assert.DoesNotContain(target.Hash, kept.Keys);
        Assert.Equal(["evaluator"], kept.Values.Select(s => (string)s["id"]!).ToArray());
        Assert.Empty(RunVerification.Check(run).problems);
        var (_, status) = Miforge("status", run);
        Assert.Matches($@"target\.t\s+{target.Hash[..12]}\s+failed\s+{target.Job}\s+CANCELLED.*{Regex.Escape(target.Log)}", status);
        Assert.Matches(@"evaluator\s+\w+\s+cached", status);

        var (again, resubmitted) = Miforge("submit", manifest, "--slurm", "--out", run);
        Assert.True(again == 0, resubmitted);
        var second = Jobs(run);
        var rerun = second.Values.Where(j => !first.TryGetValue(j.Hash, out var old) || old.Job != j.Job).Select(j => j.Id).Order().ToArray();
        Assert.Equal(["metrics.t", "report", "target.t"], rerun);
        cluster.WaitForQueue(second.Values.Select(j => j.Job), TimeSpan.FromMinutes(3));

        var after = Finished(run);
        foreach (var (hash, stage) in kept) Assert.Equal(stage.ToString(), after[hash].ToString());
        slurm = cluster.CompletedJobs();
        foreach (var id in rerun) Assert.Equal("COMPLETED", slurm[second.Values.Single(j => j.Id == id).Job]["JobState"]);
        Assert.Contains(MetricsFile.Read(Path.Combine(run, "metrics.json")), r => r.Key == "t/host.test_acc");
        var (_, done) = Miforge("status", run);
        Assert.DoesNotMatch(@"\s(failed|queued|running)\s", done);
    }

    [Fact]
    public void Stage_lock_of_an_ended_Slurm_job_elsewhere_is_broken_and_that_of_a_running_job_is_waited_for()
    {
        var ended = SlurmCluster.Run("sbatch", "--parsable", "--output=/dev/null", "--wrap", "true").Trim();
        var running = SlurmCluster.Run("sbatch", "--parsable", "--output=/dev/null", "--wrap", "sleep 120").Trim();
        cluster.WaitForQueue([ended], TimeSpan.FromSeconds(60));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (SlurmCluster.Run("squeue", "-h", "-j", running, "-o", "%T").Trim() != "RUNNING")
        {
            Assert.True(DateTime.UtcNow < deadline, $"job {running} did not start");
            Thread.Sleep(100);
        }
        var stage = Path.Combine(dir, "stages", "target.t-0123456789ab");
        Directory.CreateDirectory(Path.GetDirectoryName(stage)!);
        // an owner on another node: its pid means nothing here, only Slurm can say whether it is alive
        void Held(string job) => File.WriteAllText(stage + ".lock", new JObject
        {
            ["host"] = "another-node", ["pid"] = 1, ["process_start"] = 1, ["since"] = DateTime.UtcNow.ToString("O"), ["token"] = "theirs", [SlurmLockOwner.Key] = job,
        }.ToString());
        var logger = new Warnings();
        var recheck = SlurmLockOwner.Recheck;
        SlurmLockOwner.Recheck = TimeSpan.Zero;
        try
        {
            Held(running);
            using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(3)))
                Assert.Throws<OperationCanceledException>(() => StageLock.Acquire(stage, logger, wait.Token));
            Assert.Empty(logger.Messages);
            Assert.Contains("theirs", File.ReadAllText(stage + ".lock"));

            Held(ended);
            using (StageLock.Acquire(stage, logger, CancellationToken.None))
                Assert.DoesNotContain("theirs", File.ReadAllText(stage + ".lock"));
            Assert.Contains(logger.Messages, m => m.Contains($"Slurm job {ended} has ended (COMPLETED)"));
        }
        finally
        {
            SlurmLockOwner.Recheck = recheck;
            SlurmCluster.Run("scancel", running);
        }
    }

    /// <summary>Collects the warnings a stage lock logs.</summary>
    private sealed class Warnings : Microsoft.Extensions.Logging.ILogger
    {
        public List<string> Messages { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == Microsoft.Extensions.Logging.LogLevel.Warning) Messages.Add(formatter(state, exception));
        }
    }
}
