using MIForge.Host.Manifests;
using MIForge.Host.Runs;
using MIForge.Host.Stages;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Cluster;

/// <summary><c>miforge status RUN</c>: every stage of a run folder with its state: cached (finished folder),
/// queued, running, done (a report job that completed) or failed (with the job's log), from the folder's
/// stage records and RUN/slurm/jobs.json, and from Slurm (squeue, scontrol, sacct where accounting runs).</summary>
public static class RunStatus
{
    /// <summary>One line of the table.</summary>
    public sealed record Row(string Stage, string Hash, string State, string? Job, string Detail);

    public static IReadOnlyList<Row> Of(string runRoot)
    {
        var root = Path.GetFullPath(runRoot);
        var stagesDir = new RunFolder(root).StagesDirectory;
        if (!Directory.Exists(stagesDir) && !File.Exists(JobsFile.PathOf(root)))
            throw new ManifestException(null, "run", $"{root} is not a run folder: it has neither stages/ nor slurm/jobs.json");
        var finished = new Dictionary<string, (string id, string dir)>();
        foreach (var dir in Directory.Exists(stagesDir) ? Directory.GetDirectories(stagesDir).Order(StringComparer.Ordinal).ToArray() : [])
        {
            var record = Path.Combine(dir, StageRecord.FileName);
            if (!File.Exists(record)) continue;
            var json = JObject.Parse(File.ReadAllText(record));
            if ((string?)json["hash"] is { } hash) finished[hash] = ((string?)json["id"] ?? Path.GetFileName(dir), dir);
        }
        var rows = new List<Row>();
        var (_, jobs) = JobsFile.Read(root);
        foreach (var job in jobs.Values.OrderBy(j => j.Submitted).ThenBy(j => j.Id, StringComparer.Ordinal))
            rows.Add(finished.Remove(job.Hash, out var done) ? new Row(job.Id, Short(job.Hash), "cached", job.Job, done.dir) : FromSlurm(job, root));
        rows.InsertRange(0, finished.Select(f => new Row(f.Value.id, Short(f.Key), "cached", null, f.Value.dir)).OrderBy(r => r.Stage, StringComparer.Ordinal));
        return rows;
    }

    private static Row FromSlurm(JobRecord job, string root)
    {
        var state = SlurmJobState.Of(job.Job);
        var (text, detail) = state switch
        {
            null => ("failed", $"Slurm no longer knows job {job.Job} and the stage is not finished; log {job.Log}"),
            { IsQueued: true } => ("queued", state.Reason is "" or "None" ? "" : state.Reason),
            { IsRunning: true } => ("running", job.Log),
            { State: "COMPLETED" } when job.Directory is null => ("done", string.Join(", ", job.Points.Select(p => new RunFolder(root, p).Metrics))),
            _ => ("failed", $"{state.State}{(state.Reason is "" or "None" ? "" : " " + state.Reason)}; log {job.Log}"),
        };
        return new Row(job.Id, Short(job.Hash), text, job.Job, detail);
    }

    private static string Short(string hash) => hash[..Math.Min(StageSelection.MinPrefix, hash.Length)];

    /// <summary>The table, one stage a line, then counts by state.</summary>
    public static void Write(TextWriter output, IReadOnlyList<Row> rows)
    {
        var width = Math.Max(5, rows.Select(r => r.Stage.Length).DefaultIfEmpty(0).Max());
        output.WriteLine($"{"STAGE".PadRight(width)}  {"HASH",-12}  {"STATE",-8}  {"JOB",-8}  DETAIL");
        foreach (var r in rows) output.WriteLine($"{r.Stage.PadRight(width)}  {r.Hash,-12}  {r.State,-8}  {r.Job ?? "-",-8}  {r.Detail}".TrimEnd());
        output.WriteLine(string.Join(", ", rows.GroupBy(r => r.State).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}")));
    }
}
