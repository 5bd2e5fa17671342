using Newtonsoft.Json.Linq;

namespace MIForge.Host.Reports.Tables;

/// <summary>The table papers print: one row per target with its natural accuracy; per attack its
/// top-1 attack accuracy with the 95% interval, top-5 where it can be below 100%, KNN distance and
/// evaluator-feature FID. Footnotes: the reconstruction counts, the settings that differ between
/// targets, and whether each defended target's top-1 differs from the baseline's beyond noise.</summary>
public static class SummaryTable
{
    public static ResultTable Of(PointResults point)
    {
        var targets = point.Targets;
        var attacks = point.Attacks;
        var columns = new List<TableColumn> { new("", "Target"), new("", "Natural acc.") };
        var cells = new List<Func<string, string>> { t => t, t => CellFormat.Percent(point.Value(t, null, "host", "test_acc")) };
        foreach (var a in attacks)
        {
            var group = point.ReconstructionCount(a) is { } n ? $"{a} (n = {n})" : a;
            columns.Add(new(group, "Top-1 [95% CI]"));
            cells.Add(t => CellFormat.PercentWithInterval(point.Value(t, a, "attack-accuracy", "acc_top1"),
                point.Value(t, a, "attack-accuracy", "acc_top1_ci95_low"), point.Value(t, a, "attack-accuracy", "acc_top1_ci95_high")));
            if (TopFiveInformative(point, a))
            {
                columns.Add(new(group, "Top-5"));
                cells.Add(t => CellFormat.Percent(point.Value(t, a, "attack-accuracy", "acc_top5")));
            }
            if (point.Rows.Any(r => r.Attack == a && r.Metric == "knn-distance"))
            {
                columns.Add(new(group, "KNN dist."));
                cells.Add(t => CellFormat.Number(point.Value(t, a, "knn-distance", "knn_dist")));
            }
            if (point.Rows.Any(r => r.Attack == a && r.Metric == "evaluator-fid"))
            {
                columns.Add(new(group, "FID"));
                cells.Add(t => CellFormat.Number(point.Value(t, a, "evaluator-fid", "evaluator_fid")));
            }
        }
        var rows = targets.Select(t => (IReadOnlyList<string>)cells.Select(c => c(t)).ToList()).ToList();
        var notes = new List<string>();
        if (attacks.Count > 0) notes.Add("Attack accuracy: share of reconstructions the evaluator puts in the attacked class; 95% Wilson interval in brackets; n = reconstructions per attack.");
        var differing = SettingsDifference.Lines(targets.Select(t => (t, TargetSettings(point, t))).ToList(), "id");
        if (differing.Count > 0) notes.Add("Settings that differ between rows: " + string.Join("; ", differing) + ".");
        notes.AddRange(NoiseNotes.Of(point, targets, attacks));
        var title = point.Label.Length == 0 ? "Summary" : $"Summary: {point.Label}";
        return new ResultTable(title, columns, rows, notes);
    }

    /// <summary>Top-5 is shown when more than five classes were attacked or some top-5 value is below 1
    /// (with five or fewer evaluator classes it is always 100%).</summary>
    private static bool TopFiveInformative(PointResults point, string attack) =>
        point.Rows.Any(r => r.Attack == attack && r.Metric == "attack-accuracy" && r.Name == "acc_top5")
        && (point.Rows.Where(r => r.Attack == attack && r.Name.StartsWith("acc_top1_class_", StringComparison.Ordinal)).Select(r => r.Name).Distinct().Count() > 5
            || point.Rows.Any(r => r.Attack == attack && r.Name == "acc_top5" && r.Value < 1));

    /// <summary>A target's entry of the resolved manifest.</summary>
    public static JToken? TargetSettings(PointResults point, string target) =>
        (point.Resolved?["targets"] as JArray)?.OfType<JObject>().FirstOrDefault(t => (string?)t["id"] == target);
}
