using MIForge.Host.Runs;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Cluster;

/// <summary>One stage's latest Slurm job, as recorded in RUN/slurm/jobs.json.</summary>
/// <param name="Hash">The stage's content hash (the key: a stage shared by several points is one job).</param>
/// <param name="Points">The sweep points that have the stage.</param>
/// <param name="Directory">The stage folder the job writes (null for the report, which writes into the points).</param>
/// <param name="Inputs">The hashes of the stages whose jobs this one waited for.</param>
public sealed record JobRecord(string Hash, string Id, string Kind, string Job, string Script, string Log,
    string? Directory, IReadOnlyList<string> Points, IReadOnlyList<string> Inputs, DateTime Submitted);

/// <summary>RUN/slurm/jobs.json: the manifest a run was submitted from and every stage's latest job, written
/// atomically after each submission round (a resubmission replaces the records of the stages it submits again).</summary>
public static class JobsFile
{
    private static readonly JsonSerializer Json = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new Newtonsoft.Json.Serialization.CamelCasePropertyNamesContractResolver(),
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
    });

    /// <summary>RUN/slurm, where jobs.json, scripts/ and logs/ live.</summary>
    public static string Folder(string runRoot) => Path.Combine(runRoot, "slurm");

    public static string PathOf(string runRoot) => Path.Combine(Folder(runRoot), "jobs.json");

    /// <summary>The manifest path and records by hash; empty when nothing was submitted yet.</summary>
    public static (string? manifest, Dictionary<string, JobRecord> jobs) Read(string runRoot)
    {
        var path = PathOf(runRoot);
        if (!File.Exists(path)) return (null, new Dictionary<string, JobRecord>());
        JObject json;
        try { json = JObject.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not a jobs file ({e.Message})", e); }
        var jobs = ((JObject?)json["stages"] ?? []).Properties()
            .Select(p => p.Value.ToObject<JobRecord>(Json) ?? throw new InvalidDataException($"{path}: stages.{p.Name}: expected a job record"))
            .ToDictionary(r => r.Hash);
        return ((string?)json["manifest"], jobs);
    }

    public static void Write(string runRoot, string manifest, IReadOnlyDictionary<string, JobRecord> jobs) =>
        AtomicFile.WriteJson(PathOf(runRoot), new JObject
        {
            ["manifest"] = manifest,
            ["stages"] = new JObject(jobs.Values.OrderBy(r => r.Submitted).ThenBy(r => r.Id, StringComparer.Ordinal)
                .Select(r => new JProperty(r.Hash, JObject.FromObject(r, Json)))),
        });
}
