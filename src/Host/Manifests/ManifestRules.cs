using System.Text.RegularExpressions;
using MIForge.Host.Options;

namespace MIForge.Host.Manifests;

/// <summary>Checks that span keys (ids, references between sections, class lists); binding has
/// already checked each value on its own, and <see cref="ManifestIds"/> has filled in default ids.
/// It changes nothing.</summary>
public static partial class ManifestRules
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^(cpu|auto|cuda|cuda:[0-9]+)$")]
    private static partial Regex DevicePattern();

    /// <summary>Adds an error for each rule <paramref name="m"/> breaks; <paramref name="defaulted"/> holds the
    /// entries whose id <see cref="ManifestIds.Assign"/> filled in (errors about them point at the entry, not its "id").</summary>
    public static void Check(Manifest m, ErrorList errors, IReadOnlySet<object>? defaulted = null)
    {
        bool Written(object entry) => defaulted?.Contains(entry) != true;
        if (m.Name.Length == 0)
            errors.Add("name", "expected a non-empty experiment name (it names the default run folder, runs/<name>)");
        else if (!IdPattern().IsMatch(m.Name))
            errors.Add("name", $"expected letters, digits, '-', '_' or '.', starting with a letter or digit, got \"{m.Name}\"");
        if (!DevicePattern().IsMatch(m.Device))
            errors.Add("device", $"expected \"cpu\", \"cuda\", \"cuda:N\" or \"auto\", got \"{m.Device}\"");
        CheckSplit(m.Data.Split, errors);
        var targetIds = CheckIds(m.Targets, "targets", t => t.Id, Written, errors);
        var attackIds = CheckIds(m.Attacks, "attacks", a => a.Id, Written, errors);
        if (m.Attacks.Count > 0 && m.Targets.Count == 0)
            errors.Add("attacks", "attacks need at least one entry in 'targets'");
        for (var i = 0; i < m.Attacks.Count; i++)
        {
            var a = m.Attacks[i];
            for (var j = 0; a.Targets is not null && j < a.Targets.Count; j++)
                if (!targetIds.Contains(a.Targets[j]))
                    errors.Add($"attacks[{i}].targets[{j}]", $"unknown target id '{a.Targets[j]}'{NearestNames.Hint(a.Targets[j], targetIds)}");
            if (a.SeedAs is { } seedAs && !attackIds.Contains(seedAs))
                errors.Add($"attacks[{i}].seedAs", $"unknown attack id '{seedAs}'{NearestNames.Hint(seedAs, attackIds)}");
            if (a.Classes is { Count: 0 })
                errors.Add($"attacks[{i}].classes", "expected at least one target class to attack (omit the key to attack every target class)");
            var privateCount = m.Data.Split?.Private.Count;
            for (var j = 0; a.Classes is not null && j < a.Classes.Count; j++)
                if (a.Classes[j] < 0 || (privateCount is > 0 && a.Classes[j] >= privateCount))
                    errors.Add($"attacks[{i}].classes[{j}]", $"expected a target label between 0 and {(privateCount ?? 1) - 1} (an index into data.split.private), got {a.Classes[j]}");
        }
        if ((m.Prior is not null || m.Attacks.Any(a => a.Prior is not null)) && m.Data.Split is not { Public.Count: > 0 } && m.Data.Public is null)
            errors.Add(m.Data.Split is null ? "data.split" : "data.split.public", "the prior trains on the public data: give at least one class in data.split.public, a public dataset in data.public, or no prior");
        if (m.Data.Public is not null && m.Data.Split is { Public.Count: > 0 })
            errors.Add("data.public", "the public data come either from data.split.public classes or from the data.public dataset; give one of them");
        if (m.Ood is { Scorers.Count: 0 })
            errors.Add("ood.scorers", "expected at least one OOD scorer");
        if (m.Ood is { Sets.Count: 0 })
            errors.Add("ood.sets", "expected at least one OOD test set, e.g. [{ \"dataset\": \"fashion-mnist\" }]");
        var setNames = new HashSet<string>();
        for (var i = 0; m.Ood is not null && i < m.Ood.Sets.Count; i++)
            if (!setNames.Add(m.Ood.Sets[i].Name))
                errors.Add($"ood.sets[{i}].id", $"duplicate OOD set name '{m.Ood.Sets[i].Name}'; give the sets distinct ids");
    }

    /// <summary>Checks the files a manifest names (relative to <paramref name="directory"/>, the manifest's folder).</summary>
    public static void CheckFiles(Manifest m, string directory, ErrorList errors)
    {
        var classifiers = m.Targets.Select((t, i) => ((ClassifierSpec)t, $"targets[{i}].checkpoint"));
        if (m.Evaluator is not null) classifiers = classifiers.Prepend((m.Evaluator, "evaluator.checkpoint"));
        foreach (var (spec, path) in classifiers)
        {
            if (spec.Checkpoint is null) continue;
            var file = Training.ClassifierCheckpoint.Resolve(directory, spec.Checkpoint);
            if (!File.Exists(file))
                errors.Add(path, $"expected a checkpoint folder or model.safetensors (from `miforge checkpoint import`), but {file} does not exist");
        }
    }

    private static void CheckSplit(SplitSpec? split, ErrorList errors)
    {
        if (split is null) return;
        if (split.Private.Count == 0) errors.Add("data.split.private", "expected at least one private class");
        foreach (var (list, key) in new[] { (split.Private, "private"), (split.Public, "public") })
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] < 0) errors.Add($"data.split.{key}[{i}]", $"expected a class index ≥ 0, got {list[i]}");
                else if (list.IndexOf(list[i]) < i) errors.Add($"data.split.{key}[{i}]", $"class {list[i]} is listed twice");
            }
        }
        for (var i = 0; i < split.Public.Count; i++)
            if (split.Private.Contains(split.Public[i]))
                errors.Add($"data.split.public[{i}]", $"class {split.Public[i]} is also private; private and public classes must not overlap");
    }

    /// <summary>The valid ids of <paramref name="items"/>; an id that is malformed or used twice is an error
    /// (at the entry's "id" when it was written, at the entry when it is the default).</summary>
    private static HashSet<string> CheckIds<T>(List<T> items, string key, Func<T, string?> id, Func<object, bool> written, ErrorList errors) where T : class
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            if (id(items[i]) is not { } value) continue;
            if (!IdPattern().IsMatch(value))
                errors.Add($"{key}[{i}].id", $"expected letters, digits, '-', '_' or '.', got \"{value}\"");
            else if (!seen.Add(value))
                errors.Add($"{key}[{i}]" + (written(items[i]!) ? ".id" : ""), $"id '{value}' is used twice in '{key}'; give each entry a distinct \"id\"");
        }
        return seen;
    }
}
