using ScottPlot;

namespace MIForge.Host.Reports.Charts;

/// <summary>Named per-epoch series on whole-number epoch ticks, each epoch a marked point joined by
/// lines, so a one- or two-epoch run still shows its points; rates on a 0–100% axis.</summary>
public static class EpochChart
{
    public static string Render(string title, string yLabel, IReadOnlyList<(string Name, double[] Values)> series, bool rates)
    {
        var plot = Chart.New(title, "epoch", yLabel);
        var epochs = series.Select(s => s.Values.Length).DefaultIfEmpty(0).Max();
        for (var k = 0; k < series.Count; k++)
        {
            var (name, values) = series[k];
            var points = values.Select((v, i) => (X: i + 1.0, Y: v)).Where(p => double.IsFinite(p.Y)).ToArray();
            if (points.Length == 0) continue;
            var scatter = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), Chart.Colour(k));
            scatter.LegendText = name;
            scatter.MarkerSize = 7;
            scatter.LineWidth = 1.5f;
        }
        Chart.CountAxis(plot.Axes.Bottom, Math.Max(epochs, 1));
        if (rates) Chart.PercentAxis(plot.Axes.Left);
        else
        {
            var (lo, hi) = Chart.Range(series.SelectMany(s => s.Values));
            plot.Axes.SetLimitsY(lo, hi);
        }
        if (series.Count > 1) plot.ShowLegend(Alignment.LowerRight);
        return Chart.Figure(plot, $"{title} ({epochs} epoch{(epochs == 1 ? "" : "s")})");
    }
}
