using ScottPlot;

namespace MIForge.Host.Reports.Charts;

/// <summary>Shared look of the report's charts (ScottPlot 5) and their output: an inline SVG element
/// in a figure, so the page needs neither network nor JavaScript.</summary>
public static class Chart
{
    public const int Width = 420;
    public const int Height = 280;

    /// <summary>A plot with the title and axis labels set.</summary>
    public static Plot New(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Title(title, size: 13);
        plot.XLabel(x, size: 12);
        plot.YLabel(y, size: 12);
        return plot;
    }

    /// <summary>The plot as an SVG element inside a figure with a caption.</summary>
    public static string Figure(Plot plot, string caption, int width = Width, int height = Height)
    {
        var svg = plot.GetSvgHtml(width, height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        // Element ids (Skia numbers clip paths process-wide) are renamed f<figure>_<k> in order: unique on
        // the page, which holds many SVGs in one id space, and the same for the same page.
        var figure = ++figures;
        var names = new Dictionary<string, string>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(svg, "id=\"([^\"]+)\""))
            names.TryAdd(m.Groups[1].Value, $"f{figure}_{names.Count + 1}");
        svg = System.Text.RegularExpressions.Regex.Replace(start > 0 ? svg[start..] : svg, "(id=\"|url\\(#|href=\"#)([^\")]+)",
            m => names.TryGetValue(m.Groups[2].Value, out var n) ? m.Groups[1].Value + n : m.Value);
        return $"<figure class=chart>{svg}<figcaption>{System.Net.WebUtility.HtmlEncode(caption)}</figcaption></figure>";
    }

    /// <summary>Starts a page: figure ids count from 1 again, so the same run gives the same page.</summary>
    public static void BeginPage() => figures = 0;

    [ThreadStatic]
    private static int figures;

    /// <summary>Rates on a 0–100% axis with ticks every 20%.</summary>
    public static void PercentAxis(IAxis axis)
    {
        axis.Min = -0.02;
        axis.Max = 1.02;
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, 6).Select(i => i / 5.0).ToArray(), Enumerable.Range(0, 6).Select(i => $"{i * 20}%").ToArray());
    }

    /// <summary>Whole-number ticks from 1 to <paramref name="count"/> (epochs, rounds), with half a step of margin
    /// so one or two points sit inside the frame.</summary>
    public static void CountAxis(IAxis axis, int count, int first = 1)
    {
        axis.Min = first - 0.5;
        axis.Max = count + 0.5;
        var step = Math.Max(1, (int)Math.Ceiling((count - first + 1) / 10.0));
        var ticks = Enumerable.Range(first, count - first + 1).Where(i => (i - first) % step == 0).Select(i => (double)i).ToArray();
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks, ticks.Select(t => ((int)t).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }

    /// <summary>A y range around finite values with 10% margin; a single value gets ±10% of itself (or ±1).</summary>
    public static (double Min, double Max) Range(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).ToArray();
        if (v.Length == 0) return (0, 1);
        double lo = v.Min(), hi = v.Max();
        var pad = hi > lo ? (hi - lo) * 0.1 : Math.Max(Math.Abs(hi) * 0.1, 1e-3);
        return (lo - pad, hi + pad);
    }

    /// <summary>Series colours (Category10).</summary>
    public static Color Colour(int i) => new ScottPlot.Palettes.Category10().GetColor(i);
}
