using static TorchSharp.torch;

namespace MIForge.Host.Checkpoints;

/// <summary>Maps the keys of an imported state_dict onto a model's: explicit renames first
/// (<c>old=new</c>, a whole key or a dotted prefix), then equal names with equal shapes, then — for the
/// keys left on both sides — position in order, when the two lists are as long and every pair has the
/// same shape. Anything else is an error listing the unmatched keys.</summary>
public static class KeyMatch
{
    /// <summary>For each model key, the source key that fills it.</summary>
    public static IReadOnlyDictionary<string, string> Match(
        IReadOnlyList<KeyValuePair<string, long[]>> model, IReadOnlyList<KeyValuePair<string, long[]>> source,
        IReadOnlyList<(string from, string to)> renames, string file)
    {
        var renamed = source.Select(kv => new KeyValuePair<string, long[]>(Rename(kv.Key, renames), kv.Value)).ToArray();
        var originalOf = renamed.Zip(source, (r, s) => (r.Key, s.Key)).GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.First().Item2);
        var bySource = renamed.GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.First().Value);
        var result = new Dictionary<string, string>();
        var problems = new List<string>();
        foreach (var (key, shape) in model)
            if (bySource.TryGetValue(key, out var s))
            {
                if (s.SequenceEqual(shape)) result[key] = originalOf[key];
                else problems.Add($"'{key}' is [{Shape(s)}] in the file, the model needs [{Shape(shape)}]");
            }
        if (problems.Count > 0) throw new InvalidDataException($"{file}: {string.Join("; ", problems)}");
        var leftModel = model.Where(kv => !result.ContainsKey(kv.Key)).ToArray();
        var used = result.Values.ToHashSet();
        var leftSource = renamed.Where(kv => !used.Contains(originalOf[kv.Key])).ToArray();
        if (leftModel.Length == 0) return result;
        if (leftModel.Length == leftSource.Length && leftModel.Zip(leftSource).All(p => p.First.Value.SequenceEqual(p.Second.Value)))
        {
            foreach (var (m, s) in leftModel.Zip(leftSource)) result[m.Key] = originalOf[s.Key];
            return result;
        }
        throw new InvalidDataException(
            $"{file}: cannot match keys by name, nor by order and shape; model keys without a match: {List(leftModel)}; "
            + $"file keys without a match: {List(leftSource)}. Give renames with --map OLD=NEW (a key or a dotted prefix)");
    }

    private static string Rename(string key, IReadOnlyList<(string from, string to)> renames)
    {
        foreach (var (from, to) in renames)
        {
            if (key == from) return to;
            var prefix = from.EndsWith('.') ? from : from + ".";
            if (key.StartsWith(prefix, StringComparison.Ordinal)) return (to.Length == 0 || to.EndsWith('.') ? to : to + ".") + key[prefix.Length..];
        }
        return key;
    }

    private static string Shape(long[] s) => string.Join(", ", s);

    private static string List(IEnumerable<KeyValuePair<string, long[]>> keys)
    {
        var all = keys.Select(kv => $"{kv.Key} [{Shape(kv.Value)}]").ToArray();
        return all.Length == 0 ? "(none)" : string.Join(", ", all);
    }
}
