using System.Globalization;
using ScottPlot;

namespace MIForge.Host.Reports.Charts;

/// <summary>Multi-round attacks (PPDG-MI): top-1 attack accuracy after each round with its 95%
/// interval, one line per target, from the "attack@round-N" rows.</summary>
public static class RoundChart
{
    /// <summary>One chart per multi-round attack, or none.</summary>
    public static IEnumerable<string> Render(PointResults point)
    {
        var rounds = point.Rows.Where(r => r.Attack is not null && r.Attack.Contains("@round-", StringComparison.Ordinal) && r.Metric == "attack-accuracy" && r.Name == "acc_top1").ToList();
        foreach (var attack in rounds.Select(r => r.Attack![..r.Attack!.IndexOf('@')]).Distinct())
        {
            var plot = Chart.New($"{attack}: attack accuracy per round", "round", "top-1 attack accuracy");
            var targets = rounds.Where(r => r.Attack!.StartsWith(attack + "@", StringComparison.Ordinal)).Select(r => r.Target!).Distinct().ToList();
            var count = 0;
            for (var k = 0; k < targets.Count; k++)
            {
                var series = rounds.Where(r => r.Target == targets[k] && r.Attack!.StartsWith(attack + "@", StringComparison.Ordinal))
                    .Select(r => (Round: int.Parse(r.Attack![(r.Attack!.IndexOf("@round-", StringComparison.Ordinal) + 7)..], CultureInfo.InvariantCulture), Row: r))
                    .OrderBy(x => x.Round)
                    .Select(x => new IntervalSeries.Point(x.Round, x.Row.Value,
                        point.Value(targets[k], x.Row.Attack, "attack-accuracy", "acc_top1_ci95_low") ?? x.Row.Value,
                        point.Value(targets[k], x.Row.Attack, "attack-accuracy", "acc_top1_ci95_high") ?? x.Row.Value, null))
                    .ToList();
                count = Math.Max(count, (int)series.Max(p => p.X));
                IntervalSeries.Add(plot, series, targets[k], Chart.Colour(k), joined: true);
            }
            Chart.CountAxis(plot.Axes.Bottom, Math.Max(count, 1));
            Chart.PercentAxis(plot.Axes.Left);
            plot.ShowLegend(Alignment.UpperLeft);
            yield return Chart.Figure(plot, $"{attack}: top-1 after each round; bars are 95% Wilson intervals.");
        }
    }
}
