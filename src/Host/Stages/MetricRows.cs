using MIForge.Abstractions;
using MIForge.Host.Runs;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Stages;

/// <summary>rows.json in metric-producing stage folders; the report gathers them into metrics.json.</summary>
public static class MetricRows
{
    public const string FileName = "rows.json";

    public static void Write(string directory, IEnumerable<MetricRow> rows) =>
        AtomicFile.WriteJson(Path.Combine(directory, FileName), new JArray(rows.Select(r => r.ToJson())));

    public static IReadOnlyList<MetricRow> Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: missing; the stage that computes these metric rows must be rerun");
        try { return JArray.Parse(File.ReadAllText(path)).OfType<JObject>().Select(MetricRow.FromJson).ToArray(); }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidCastException or ArgumentException or NullReferenceException)
        {
            throw new InvalidDataException($"{path}: not a list of metric rows ({e.Message})", e);
        }
    }

    /// <summary>Runs every one of <paramref name="metrics"/> whose inputs <paramref name="context"/> has, created
    /// with <paramref name="stage"/>'s services; rows are scoped by the ids given.</summary>
    public static IEnumerable<MetricRow> Compute(IReadOnlyList<PluginRef<IMetric>> metrics, StageContext stage, MetricContext context, string? target, string? attack, string? scorer, string? oodSet, Func<MetricInputs, bool> applies)
    {
        foreach (var reference in metrics)
        {
            var metric = stage.Create(reference);
            if (!applies(metric.Requires) || !context.Has(metric.Requires)) continue;
            foreach (var (name, value) in metric.Compute(context))
                yield return new MetricRow(target, attack, scorer, oodSet, reference.Name, name, value);
        }
    }
}
