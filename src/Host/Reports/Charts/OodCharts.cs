using ScottPlot;

namespace MIForge.Host.Reports.Charts;

/// <summary>One scorer on one OOD set: the two score histograms (share of each sample per bin) and,
/// beside them, the ROC curve with its area.</summary>
public static class OodCharts
{
    public static string Histogram(string title, float[] inside, float[] outside, int bins = 30)
    {
        var all = inside.Concat(outside).Where(float.IsFinite).Select(v => (double)v).ToArray();
        var plot = Chart.New(title, "score (higher = in-distribution)", "share of images");
        if (all.Length > 0)
        {
            double lo = all.Min(), hi = all.Max();
            if (hi - lo < 1e-9) { lo -= 0.5; hi += 0.5; }
            var width = (hi - lo) / bins;
            foreach (var (values, name, colour) in new[] { (inside, $"in-distribution ({inside.Length})", Chart.Colour(0)), (outside, $"OOD ({outside.Length})", Chart.Colour(3)) })
            {
                var share = new double[bins];
                foreach (var v in values.Where(float.IsFinite)) share[Math.Clamp((int)((v - lo) / width), 0, bins - 1)] += 1.0 / values.Length;
                var bars = plot.Add.Bars(Enumerable.Range(0, bins).Select(i => lo + (i + 0.5) * width).ToArray(), share);
                bars.LegendText = name;
                foreach (var bar in bars.Bars)
                {
                    bar.Size = width;
                    bar.FillColor = colour.WithAlpha(0.5);
                    bar.LineWidth = 0;
                }
            }
            plot.Axes.Margins(bottom: 0);
            plot.ShowLegend(Alignment.UpperLeft);
        }
        return Chart.Figure(plot, title + ": score histograms");
    }

    public static string Roc(string title, float[] inside, float[] outside)
    {
        var (fpr, tpr, auc) = RocCurve.Of(inside, outside);
        var plot = Chart.New(title, "false-positive rate (in-distribution flagged)", "true-positive rate (OOD caught)");
        var chance = plot.Add.Scatter(new[] { 0.0, 1.0 }, new[] { 0.0, 1.0 }, Colors.Gray);
        chance.MarkerSize = 0;
        chance.LinePattern = LinePattern.Dashed;
        chance.LegendText = "chance";
        var curve = plot.Add.Scatter(fpr, tpr, Chart.Colour(0));
        curve.MarkerSize = 0;
        curve.LineWidth = 2;
        curve.LegendText = double.IsFinite(auc) ? $"ROC (AUROC {auc * 100:F1}%)" : "ROC";
        Chart.PercentAxis(plot.Axes.Left);
        Chart.PercentAxis(plot.Axes.Bottom);
        plot.ShowLegend(Alignment.LowerRight);
        return Chart.Figure(plot, title + ": ROC curve");
    }
}
