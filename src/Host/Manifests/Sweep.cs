using System.Globalization;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Manifests;

/// <summary>Expands a manifest's <c>sweep</c> grid: each combination of values is one point,
/// a copy of the manifest with those JSON paths set.</summary>
public static partial class Sweep
{
    /// <summary>The most points a sweep may have unless configured otherwise (MAX_SWEEP_POINTS).</summary>
    public const long DefaultMaxPoints = 10_000;

    /// <summary>One grid point: a label for its folder and the manifest to run.</summary>
    public sealed record Point(string Label, JObject Manifest);

    /// <summary>A sweep key: keys joined by dots, each optionally followed by [index], e.g. attacks[0].attack.options.lambda.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9_-]+(\[[0-9]+\])*(\.[A-Za-z0-9_-]+(\[[0-9]+\])*)*$")]
    private static partial System.Text.RegularExpressions.Regex PathPattern();

    /// <summary>The points of <paramref name="root"/>'s sweep; errors (bad paths, more than
    /// <paramref name="maxPoints"/> points, counted before any is made) go to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<Point> Expand(JObject root, ErrorList errors, long maxPoints = DefaultMaxPoints)
    {
        var baseManifest = (JObject)root.DeepClone();
        var sweep = baseManifest["sweep"];
        baseManifest.Remove("sweep");
        if (sweep is null || sweep.Type == JTokenType.Null) return [new Point("", baseManifest)];
        if (sweep is not JObject grid)
        {
            errors.Add(sweep, "expected an object mapping JSON paths to lists of values");
            return [];
        }
        var axes = new List<(string path, JArray values)>();
        foreach (var p in grid.Properties())
        {
            if (p.Value is not JArray { Count: > 0 } values)
            {
                errors.Add(p.Value, $"expected a non-empty list of values for '{p.Name}', got {Options.JsonTypeNames.Describe(p.Value)}");
                continue;
            }
            if (!PathPattern().IsMatch(p.Name)) errors.Add(p, $"'{p.Name}' is not a sweep path: expected keys joined by dots, each optionally followed by [index], e.g. attacks[0].attack.options.lambda");
            else if (p.Name.Split('.', '[')[0] == "sweep") errors.Add(p, "a sweep cannot change the sweep");
            else if (!CanSet(baseManifest, p.Name)) errors.Add(p, $"path '{p.Name}' does not lead to a value or key in the manifest (its parent must exist)");
            axes.Add((p.Name, values));
        }
        if (errors.Any) return [];
        var count = axes.Aggregate(1.0, (n, a) => n * a.values.Count);
        if (count > maxPoints)
        {
            errors.Add(grid, $"the sweep has {count:G17} points ({string.Join(" × ", axes.Select(a => a.values.Count))}), more than the limit of {maxPoints} (setting MAX_SWEEP_POINTS, e.g. MIFORGE_MAX_SWEEP_POINTS={Math.Min(count, long.MaxValue):F0})");
            return [];
        }
        var points = new List<Point>();
        var index = 0;
        foreach (var combo in Cartesian(axes.Select(a => a.values.ToArray()).ToArray()))
        {
            var m = (JObject)baseManifest.DeepClone();
            var label = new List<string>();
            for (var i = 0; i < axes.Count; i++)
            {
                Set(m, axes[i].path, combo[i].DeepClone());
                label.Add($"{Leaf(axes[i].path)}={Compact(combo[i])}");
            }
            points.Add(new Point($"p{index++:D2}-" + Safe(string.Join(",", label)), m));
        }
        return points;
    }

    private static bool CanSet(JObject m, string path)
    {
        if (m.SelectToken(path) is not null) return true;
        var (parent, _) = Split(path);
        return (parent.Length == 0 ? m : m.SelectToken(parent)) is JObject;
    }

    private static void Set(JObject m, string path, JToken value)
    {
        if (m.SelectToken(path) is { } existing)
        {
            if (existing.Parent is JProperty prop) prop.Value = value;
            else existing.Replace(value);
            return;
        }
        var (parent, key) = Split(path);
        var target = (JObject)(parent.Length == 0 ? m : m.SelectToken(parent)!);
        target[key] = value;
    }

    private static (string parent, string key) Split(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? ("", path) : (path[..dot], path[(dot + 1)..]);
    }

    private static string Leaf(string path) => Split(path).key;

    private static string Compact(JToken v) =>
        v.Type is JTokenType.String ? (string)v! : v.Type is JTokenType.Float ? ((double)v).ToString("G6", CultureInfo.InvariantCulture) : v.ToString(Newtonsoft.Json.Formatting.None);

    private static string Safe(string s)
    {
        var chars = s.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '=' or ',' ? c : '_').ToArray();
        var r = new string(chars);
        return r.Length > 80 ? r[..80] : r;
    }

    private static IEnumerable<JToken[]> Cartesian(JToken[][] axes)
    {
        IEnumerable<JToken[]> acc = [[]];
        foreach (var axis in axes)
            acc = acc.SelectMany(prefix => axis.Select(v => prefix.Append(v).ToArray()));
        return acc;
    }
}
