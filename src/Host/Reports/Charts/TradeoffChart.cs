using ScottPlot;

namespace MIForge.Host.Reports.Charts;

/// <summary>The privacy-utility trade-off of a sweep: natural accuracy (x) against top-1 attack
/// accuracy (y) with its 95% interval, one point per sweep point and target, one colour per attack.</summary>
public static class TradeoffChart
{
    public static string Render(IReadOnlyList<PointResults> points)
    {
        var plot = Chart.New("Privacy-utility trade-off", "natural accuracy", "top-1 attack accuracy");
        var attacks = points.SelectMany(p => p.Attacks).Distinct().ToList();
        var xs = new List<double>();
        for (var k = 0; k < attacks.Count; k++)
        {
            var series = new List<IntervalSeries.Point>();
            foreach (var p in points)
                foreach (var t in p.Targets)
                    if (p.Value(t, null, "host", "test_acc") is { } x && p.Value(t, attacks[k], "attack-accuracy", "acc_top1") is { } y)
                    {
                        var low = p.Value(t, attacks[k], "attack-accuracy", "acc_top1_ci95_low") ?? y;
                        var high = p.Value(t, attacks[k], "attack-accuracy", "acc_top1_ci95_high") ?? y;
                        var label = p.Targets.Count > 1 ? $"{ShortLabel(p.Label)} {t}" : ShortLabel(p.Label);
                        series.Add(new(x, y, low, high, k == 0 ? label : null));
                        xs.Add(x);
                    }
            IntervalSeries.Add(plot, series, attacks[k], Chart.Colour(k), joined: false);
        }
        Chart.PercentAxis(plot.Axes.Left);
        var (lo, hi) = Chart.Range(xs);
        plot.Axes.SetLimitsX(Math.Max(0, lo - 0.02), Math.Min(1.02, hi + 0.02));
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => $"{v * 100:0.#}%" };
        plot.ShowLegend(Alignment.UpperLeft);
        return Chart.Figure(plot, "Each point is one sweep point's target; bars are 95% Wilson intervals of the attack accuracy.", 640, 400);
    }

    /// <summary>"p01-lambdaY=20" → "lambdaY=20".</summary>
    public static string ShortLabel(string label)
    {
        var dash = label.IndexOf('-');
        return dash > 0 && label[0] == 'p' && label[1..dash].All(char.IsDigit) ? label[(dash + 1)..] : label;
    }
}
