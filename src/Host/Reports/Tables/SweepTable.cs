namespace MIForge.Host.Reports.Tables;

/// <summary>A sweep's results across its points: one row per point and target, with the natural
/// accuracy and each attack's top-1 accuracy with its 95% interval. The point label names the
/// swept values (e.g. p01-lambdaY=20).</summary>
public static class SweepTable
{
    public static ResultTable Of(IReadOnlyList<PointResults> points)
    {
        var attacks = points.SelectMany(p => p.Attacks).Distinct().ToList();
        var columns = new List<TableColumn> { new("", "Point"), new("", "Target"), new("", "Natural acc.") };
        columns.AddRange(attacks.Select(a => new TableColumn(a, "Top-1 [95% CI]")));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var p in points)
            foreach (var t in p.Targets)
            {
                var row = new List<string> { p.Label, t, CellFormat.Percent(p.Value(t, null, "host", "test_acc")) };
                row.AddRange(attacks.Select(a => CellFormat.PercentWithInterval(p.Value(t, a, "attack-accuracy", "acc_top1"),
                    p.Value(t, a, "attack-accuracy", "acc_top1_ci95_low"), p.Value(t, a, "attack-accuracy", "acc_top1_ci95_high"))));
                rows.Add(row);
            }
        return new ResultTable("Across sweep points", columns, rows, ["Each row is one sweep point's target; the point label names the swept values."]);
    }
}
