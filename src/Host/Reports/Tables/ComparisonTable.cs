using MIForge.Host.Runs;

namespace MIForge.Host.Reports.Tables;

/// <summary>Metric differences between two sides (two runs, or two targets of one or two runs),
/// matched by attack / scorer / set and metric. Top-1 attack accuracy carries its 95% intervals and
/// says whether they overlap (then the difference is within noise).</summary>
public static class ComparisonTable
{
    /// <summary>One side: a point and, optionally, one of its targets (null: every target, matched by id).</summary>
    public sealed record Side(string Name, PointResults Point, string? Target);

    public static ResultTable Of(Side a, Side b)
    {
        var rowsA = Headline(a);
        var rowsB = Headline(b).ToDictionary(r => Scope(r, b), r => r);
        var cells = new List<IReadOnlyList<string>>();
        foreach (var ra in rowsA)
        {
            if (!rowsB.TryGetValue(Scope(ra, a), out var rb)) continue;
            var label = string.Join(" / ", new[] { a.Target is null ? ra.Target : null, ra.Attack, ra.Scorer, ra.OodSet }.OfType<string>()
                .Append(MetricNames.Label(ra.Metric, ra.Name)));
            var rate = MetricNames.IsRate(ra.Metric, ra.Name);
            var diff = rb.Value - ra.Value;
            var (ia, ib) = (Interval(a.Point, ra), Interval(b.Point, rb));
            var verdict = ia is { } x && ib is { } y ? (x.Low <= y.High && y.Low <= x.High ? "within noise (95% intervals overlap)" : "beyond noise (95% intervals apart)") : "";
            cells.Add([label, Cell(ra, ia), Cell(rb, ib), rate ? CellFormat.Points(diff) : CellFormat.Number(diff), verdict]);
        }
        if (cells.Count == 0) throw new InvalidDataException($"{a.Name} and {b.Name} have no metric in common to compare");
        var columns = new List<TableColumn> { new("", "Metric"), new("", a.Name), new("", b.Name), new("", "Difference (B − A)"), new("", "Noise") };
        return new ResultTable($"{a.Name} (A) vs {b.Name} (B)", columns, cells, []);
    }

    private static List<MetricRow> Headline(Side s) => s.Point.Rows
        .Where(r => r.Target is not null && (s.Target is null || r.Target == s.Target) && MetricNames.IsHeadline(r.Name)).ToList();

    /// <summary>What a row is matched on: without a chosen target the target is part of it.</summary>
    private static string Scope(MetricRow r, Side s) => $"{(s.Target is null ? r.Target : "")}/{r.Attack}/{r.Scorer}/{r.OodSet}/{r.Metric}.{r.Name}";

    private static (double Low, double High)? Interval(PointResults p, MetricRow r) =>
        p.Rows.FirstOrDefault(x => x.Target == r.Target && x.Attack == r.Attack && x.Scorer == r.Scorer && x.Metric == r.Metric && x.Name == r.Name + "_ci95_low") is { } low
        && p.Rows.FirstOrDefault(x => x.Target == r.Target && x.Attack == r.Attack && x.Scorer == r.Scorer && x.Metric == r.Metric && x.Name == r.Name + "_ci95_high") is { } high
            ? (low.Value, high.Value) : null;

    private static string Cell(MetricRow r, (double Low, double High)? interval) =>
        interval is { } i ? CellFormat.PercentWithInterval(r.Value, i.Low, i.High) : MetricNames.Format(r.Metric, r.Name, r.Value);
}
