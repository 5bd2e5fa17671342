using MIForge.Host.Manifests;
using MIForge.Host.Stages;

namespace MIForge.Host.Cluster;

/// <summary>The stages <c>run --stage</c> names: each argument is a stage id (e.g. attack.t.gmi, or report),
/// a full content hash, or a hash prefix of at least 12 characters (as in the stage folder names). An id
/// selects that stage in every sweep point that has it; the same hash in several points is one stage,
/// except the report, which writes each point's metrics.json and so runs once per point.</summary>
public static class StageSelection
{
    /// <summary>The shortest hash prefix accepted.</summary>
    public const int MinPrefix = 12;

    /// <summary>The selected (point, stage) pairs in plan order, each stage once (per point for the report).</summary>
    public static IReadOnlyList<(SweepPlan.Point point, Stage stage)> Select(SweepPlan plan, IReadOnlyCollection<string> selectors)
    {
        var errors = new List<ManifestError>();
        var all = plan.Points.SelectMany(p => p.Stages.Select(s => (point: p, stage: s))).ToArray();
        foreach (var selector in selectors.Where(s => !all.Any(x => Matches(plan, x.stage, s))))
        {
            var known = all.Select(x => x.stage.Id).Distinct().ToArray();
            errors.Add(new ManifestError(null, "--stage", $"no stage '{selector}' in the plan of {plan.Loaded.File} (expected a stage id, a content hash or a hash prefix of at least {MinPrefix} characters){Options.NearestNames.Hint(selector, known)}"));
        }
        foreach (var (_, stage) in all.Where(x => x.stage.Caching == StageCaching.OnDemand && selectors.Any(s => Matches(plan, x.stage, s))).DistinctBy(x => plan.HashOf(x.stage)))
            errors.Add(new ManifestError(null, "--stage", $"stage '{stage.Id}' has no folder to run into: it is loaded in the process of every stage that reads it"));
        if (errors.Count > 0) throw new ManifestException(errors);

        var chosen = new List<(SweepPlan.Point, Stage)>();
        var hashes = new HashSet<string>();
        foreach (var (point, stage) in all.Where(x => selectors.Any(s => Matches(plan, x.stage, s))))
            if (stage.Caching == StageCaching.Always || hashes.Add(plan.HashOf(stage))) chosen.Add((point, stage));
        return chosen;
    }

    /// <summary>Fails (exit 2) naming the first input of each chosen stage that is neither finished in the run folder
    /// nor chosen too (a chosen input comes first in plan order, so it runs before the stages reading it).</summary>
    public static void RequireInputs(SweepPlan plan, IReadOnlyList<(SweepPlan.Point point, Stage stage)> chosen)
    {
        var errors = new List<ManifestError>();
        var selected = chosen.Select(c => plan.HashOf(c.stage)).ToHashSet();
        foreach (var (point, stage) in chosen)
        {
            var missing = SweepPlan.Closure(stage).Where(s => s != stage && s.Caching == StageCaching.Cached && !plan.IsFinished(s) && !selected.Contains(plan.HashOf(s))).ToArray();
            if (missing.Length == 0) continue;
            var where = point.Manifest.Label.Length == 0 ? "" : $" of point {point.Manifest.Label}";
            errors.Add(new ManifestError(null, "--stage", $"stage '{stage.Id}'{where} needs input stage '{missing[0].Id}' (hash {plan.HashOf(missing[0])[..MinPrefix]}), which is not finished in {plan.Root}; run it first (--stage {plan.HashOf(missing[0])[..MinPrefix]}){(missing.Length > 1 ? $", and {missing.Length - 1} more: {string.Join(", ", missing.Skip(1).Select(m => m.Id))}" : "")}"));
        }
        if (errors.Count > 0) throw new ManifestException(errors);
    }

    private static bool Matches(SweepPlan plan, Stage stage, string selector) =>
        stage.Id == selector || plan.HashOf(stage) == selector || (selector.Length >= MinPrefix && plan.HashOf(stage).StartsWith(selector, StringComparison.Ordinal));
}
