using Newtonsoft.Json.Linq;

namespace MIForge.Host.Reports.Tables;

/// <summary>The settings that differ between the rows of a table: each row's JSON flattened to
/// "path = value" leaves, keeping the paths whose values are not the same in every row. A subtree
/// a row lacks (e.g. "defense" of an undefended target) is written once as "path = none".</summary>
public static class SettingsDifference
{
    /// <summary>One line per row that differs: "name: path = value, ...". Empty when all agree.</summary>
    public static IReadOnlyList<string> Lines(IReadOnlyList<(string Name, JToken? Settings)> rows, params string[] ignored)
    {
        var flat = rows.Select(r => Flatten(r.Settings, ignored)).ToList();
        var paths = flat.SelectMany(f => f.Keys).Distinct().ToList();
        var differing = paths.Where(p => flat.Select(f => f.GetValueOrDefault(p)).Distinct().Count() > 1).ToList();
        var lines = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var parts = new List<string>();
            foreach (var p in differing)
            {
                if (flat[i].TryGetValue(p, out var v)) { parts.Add($"{p} = {v}"); continue; }
                var missing = ShortestMissing(p, flat[i]);
                if (!parts.Contains($"{missing} = none")) parts.Add($"{missing} = none");
            }
            if (parts.Count > 0) lines.Add($"{rows[i].Name}: {string.Join(", ", parts)}");
        }
        return lines;
    }

    /// <summary>Leaf values by dotted path ("defense.options.lambdaX"); arrays are one value (their JSON).</summary>
    public static Dictionary<string, string> Flatten(JToken? token, params string[] ignored)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JToken t, string path)
        {
            if (t is JObject o)
                foreach (var p in o.Properties())
                {
                    var child = path.Length == 0 ? p.Name : $"{path}.{p.Name}";
                    if (!ignored.Contains(child)) Walk(p.Value, child);
                }
            else if (t.Type != JTokenType.Null) result[path] = t is JValue v ? Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "" : t.ToString(Newtonsoft.Json.Formatting.None);
        }
        if (token is not null) Walk(token, "");
        return result;
    }

    private static string ShortestMissing(string path, Dictionary<string, string> present)
    {
        var parts = path.Split('.');
        for (var n = 1; n <= parts.Length; n++)
        {
            var prefix = string.Join('.', parts[..n]);
            if (!present.Keys.Any(k => k == prefix || k.StartsWith(prefix + ".", StringComparison.Ordinal))) return prefix;
        }
        return path;
    }
}
