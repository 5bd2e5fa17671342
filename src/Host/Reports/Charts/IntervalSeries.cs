using ScottPlot;

namespace MIForge.Host.Reports.Charts;

/// <summary>Points with asymmetric vertical 95% intervals: a marked scatter and its error bars.</summary>
public static class IntervalSeries
{
    /// <summary>A point: x, the value, its interval (low, high) and a label written beside it (or null).</summary>
    public sealed record Point(double X, double Y, double Low, double High, string? Label);

    public static void Add(Plot plot, IReadOnlyList<Point> points, string legend, Color colour, bool joined)
    {
        if (points.Count == 0) return;
        var xs = points.Select(p => p.X).ToArray();
        var ys = points.Select(p => p.Y).ToArray();
        var bars = new ScottPlot.Plottables.ErrorBar(xs, ys, null, null,
            points.Select(p => Math.Max(0, p.High - p.Y)).ToArray(), points.Select(p => Math.Max(0, p.Y - p.Low)).ToArray());
        bars.Color = colour;
        plot.Add.Plottable(bars);
        var scatter = plot.Add.Scatter(xs, ys, colour);
        scatter.MarkerSize = 8;
        scatter.LineWidth = joined ? 1.5f : 0;
        scatter.LegendText = legend;
        foreach (var p in points.Where(p => p.Label is not null))
        {
            var text = plot.Add.Text(p.Label!, p.X, p.Y);
            text.LabelFontSize = 10;
            text.LabelFontColor = colour;
            text.OffsetX = 6;
            text.OffsetY = -4;
        }
    }
}
