using MIForge.Host.Runs;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Stages;

/// <summary>What happened to a stage in one run.</summary>
public enum StageStatus
{
    Ran,
    Cached,
    OnDemand,
}

/// <summary>One stage's outcome, as written to stages.json.</summary>
public sealed record StageOutcome(string Id, string Kind, string Hash, StageStatus Status, string? Directory, double Seconds)
{
    /// <summary>Writes a point's outcomes to its stages.json (<paramref name="path"/>), atomically.</summary>
    public static void WriteAll(string path, IEnumerable<StageOutcome> outcomes) =>
        AtomicFile.WriteJson(path, new JArray(outcomes.Select(o => new JObject
        {
            ["id"] = o.Id, ["kind"] = o.Kind, ["hash"] = o.Hash, ["status"] = o.Status.ToString().ToLowerInvariant(),
            ["directory"] = o.Directory, ["seconds"] = Math.Round(o.Seconds, 3),
        })));
}
