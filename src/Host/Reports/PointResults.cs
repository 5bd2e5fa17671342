using MIForge.Host.Runs;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Reports;

/// <summary>The finished results of one run point: its metric rows (metrics.json) and its resolved
/// manifest (for settings and reconstruction counts), read from the point's folder.</summary>
public sealed record PointResults(string Label, string Directory, IReadOnlyList<MetricRow> Rows, JObject? Resolved)
{
    /// <summary>Reads the point whose metrics file is <paramref name="metricsPath"/>; a missing or
    /// malformed file is an <see cref="InvalidDataException"/> naming it.</summary>
    public static PointResults Read(string metricsPath, string label)
    {
        if (!File.Exists(metricsPath)) throw new InvalidDataException($"{metricsPath}: missing; the run has not finished its report stage");
        IReadOnlyList<MetricRow> rows;
        try { rows = MetricsFile.Read(metricsPath); }
        catch (Exception e) when (e is JsonException or InvalidCastException or ArgumentException or NullReferenceException)
        {
            throw new InvalidDataException($"{metricsPath}: not a metrics file ({e.Message})", e);
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(metricsPath))!;
        var resolvedPath = Path.Combine(directory, "manifest.resolved.json");
        JObject? resolved = null;
        if (File.Exists(resolvedPath))
        {
            try { resolved = JObject.Parse(File.ReadAllText(resolvedPath)); }
            catch (JsonException e) { throw new InvalidDataException($"{resolvedPath}: not a JSON object ({e.Message})", e); }
        }
        return new PointResults(label, directory, rows, resolved);
    }

    /// <summary>The value of one metric row, or null.</summary>
    public double? Value(string? target, string? attack, string metric, string name) =>
        Rows.FirstOrDefault(r => r.Target == target && r.Attack == attack && r.Scorer is null && r.Metric == metric && r.Name == name)?.Value;

    /// <summary>Target ids in the order their rows appear.</summary>
    public IReadOnlyList<string> Targets => Rows.Where(r => r.Target is not null).Select(r => r.Target!).Distinct().ToList();

    /// <summary>Attack ids with final results (per-round rows, "id@round-N", left out), in order.</summary>
    public IReadOnlyList<string> Attacks => Rows.Where(r => r.Attack is not null && !r.Attack.Contains('@')).Select(r => r.Attack!).Distinct().ToList();

    /// <summary>How many reconstructions an attack made: its perClass times the private classes, from
    /// the resolved manifest; null when the manifest is not there.</summary>
    public int? ReconstructionCount(string attack)
    {
        var spec = (Resolved?["attacks"] as JArray)?.OfType<JObject>().FirstOrDefault(a => (string?)a["id"] == attack);
        var classes = Resolved?.SelectToken("data.split.private") as JArray;
        return spec?["perClass"]?.Type == JTokenType.Integer && classes is not null ? (int)spec["perClass"]! * classes.Count : null;
    }
}
