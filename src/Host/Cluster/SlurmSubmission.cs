using MIForge.Host.Runs;
using MIForge.Host.Stages;
using Microsoft.Extensions.Logging;

namespace MIForge.Host.Cluster;

/// <summary><c>miforge submit MANIFEST --slurm</c>: one sbatch job per distinct stage of every sweep point (by
/// content hash, so a stage shared by points is one job), each running <c>miforge run --stage HASH</c> after
/// its input stages' jobs (--dependency=afterok, --kill-on-invalid-dep=yes). Finished stages are skipped, and
/// a stage whose recorded job is still queued or running keeps that job. The report stage is a job too (one
/// per point, or per report hash), after the point's metrics and OOD jobs: it writes metrics.json and
/// report.html as a local run does. Records go to RUN/slurm/jobs.json; scripts and logs under RUN/slurm/.</summary>
public sealed class SlurmSubmission(SweepPlan plan, JobResources resources, IReadOnlyList<string> forwardedArgs, TextWriter output, ILogger logger)
{
    /// <summary>What one submission did.</summary>
    public sealed record Summary(int Submitted, int Cached, int AlreadyQueued);

    public Summary Submit(bool dryRun)
    {
        var folder = JobsFile.Folder(plan.Root);
        var (_, previous) = JobsFile.Read(plan.Root);
        var records = new Dictionary<string, JobRecord>(previous);
        var jobOf = new Dictionary<string, string>();
        int submitted = 0, cached = 0, queued = 0;
        if (!dryRun) AtomicFile.WriteJson(Path.Combine(plan.Root, "manifest.given.json"), plan.Loaded.Given);
        try
        {
            foreach (var (stage, points) in DistinctStages())
            {
                var name = $"{stage.Id}-{plan.HashOf(stage)[..StageSelection.MinPrefix]}";
                var inputs = InputJobs(stage).Where(jobOf.ContainsKey).Distinct().ToArray();
                var after = inputs.Length == 0 ? "" : $" after {string.Join(", ", inputs.Select(h => Label(h)))}";
                var where = points.Count == plan.Points.Count || plan.Points.Count == 1 ? "" : $" [points {string.Join(", ", points)}]";
                if (plan.IsFinished(stage))
                {
                    cached++;
                    output.WriteLine($"{name}: cached{where}");
                    continue;
                }
                if (!dryRun && Alive(records.GetValueOrDefault(plan.HashOf(stage))) is { } job)
                {
                    jobOf[plan.HashOf(stage)] = job;
                    queued++;
                    output.WriteLine($"{name}: already queued or running as job {job}{where}");
                    continue;
                }
                var script = Path.Combine(folder, "scripts", name + ".sh");
                var log = Path.Combine(folder, "logs", name + ".%j.log");
                var command = MiforgeCommand.Current().Concat(["run", plan.Loaded.File, "--out", plan.Root, "--stage", plan.HashOf(stage), "--verbose", .. forwardedArgs]).ToArray();
                var text = JobScript.Write("miforge." + stage.Id, log, resources, gpus: stage.Caching != StageCaching.Always, command);
                var dependency = inputs.Length == 0 ? [] : new[] { "--dependency=afterok:" + string.Join(':', inputs.Select(h => jobOf[h])) };
                if (dryRun)
                {
                    jobOf[plan.HashOf(stage)] = "<" + stage.Id + ">";
                    output.WriteLine($"{name}: would submit{after}{where}");
                    output.WriteLine($"  sbatch --parsable {string.Join(' ', dependency.Select(JobScript.Quote))}{(dependency.Length > 0 ? " " : "")}{JobScript.Quote(script)}");
                    foreach (var line in text.TrimEnd('\n').Split('\n')) output.WriteLine("    " + line);
                    continue;
                }
                AtomicFile.WriteAllText(script, text);
                Directory.CreateDirectory(Path.GetDirectoryName(log)!);
                job = SlurmCommands.Submit(script, dependency);
                jobOf[plan.HashOf(stage)] = job;
                submitted++;
                records[plan.HashOf(stage)] = new JobRecord(plan.HashOf(stage), stage.Id, stage.Kind, job, script, log.Replace("%j", job),
                    stage.Caching == StageCaching.Cached ? plan.DirectoryOf(stage) : null, points, inputs, DateTime.UtcNow);
                output.WriteLine($"{name}: job {job}{after}{where}");
            }
        }
        finally
        {
            if (!dryRun && submitted > 0) JobsFile.Write(plan.Root, plan.Loaded.File, records);
        }
        return new Summary(submitted, cached, queued);

        string Label(string hash) => records.TryGetValue(hash, out var r) && r.Job == jobOf[hash] ? $"{r.Id} (job {r.Job})" : jobOf[hash];
    }

    /// <summary>Each stage with a folder or a report once per hash, inputs first, with the labels of the points having it.</summary>
    private List<(Stage stage, List<string> points)> DistinctStages()
    {
        var order = new List<(Stage, List<string>)>();
        var byHash = new Dictionary<string, List<string>>();
        foreach (var point in plan.Points)
            foreach (var stage in point.Stages.Where(s => s.Caching != StageCaching.OnDemand))
            {
                if (!byHash.TryGetValue(plan.HashOf(stage), out var labels))
                {
                    byHash[plan.HashOf(stage)] = labels = [];
                    order.Add((stage, labels));
                }
                labels.Add(point.Manifest.Label);
            }
        return order;
    }

    /// <summary>The hashes of the stages whose jobs <paramref name="stage"/> waits for: its inputs, looking
    /// through on-demand inputs (the data, loaded in the job itself) to theirs.</summary>
    private IEnumerable<string> InputJobs(Stage stage) =>
        stage.Inputs.SelectMany(i => i.Caching == StageCaching.OnDemand ? InputJobs(i) : [plan.HashOf(i)]);

    /// <summary>The recorded job when Slurm still has it queued (not behind a failed input) or running; a job
    /// that can never start is cancelled and resubmitted.</summary>
    private string? Alive(JobRecord? record)
    {
        if (record is null || SlurmJobState.Of(record.Job) is not { } state) return null;
        if (state.IsDoomed)
        {
            logger.LogWarning("cancelling job {Job} of stage {Stage}: an input job failed, so it can never start; submitting it again", record.Job, record.Id);
            SlurmCommands.Cancel(record.Job);
            return null;
        }
        return state.IsQueued || state.IsRunning ? record.Job : null;
    }
}
