using System.Net;
using System.Text;
using MIForge.Host.Reports.Charts;
using MIForge.Host.Reports.Tables;
using MIForge.Host.Runs;

namespace MIForge.Host.Reports;

/// <summary>report.html at the root of a run with a sweep: the table across sweep points, the
/// privacy-utility trade-off chart, each point's summary table and a link to its report. Written
/// from the points that have finished (each point's report stage rewrites it).</summary>
public static class SweepReport
{
    /// <summary>Writes &lt;root&gt;/report.html when <paramref name="root"/> holds sweep points; returns its path or null.</summary>
    public static string? Write(string root, string name)
    {
        if (!Directory.Exists(Path.Combine(root, "points"))) return null;
        IReadOnlyList<PointResults> points;
        try { points = RunResults.Read(root); }
        catch (InvalidDataException) { return null; }
        var path = new RunFolder(root).Report;
        AtomicFile.WriteAllText(path, Render(name, points));
        return path;
    }

    public static string Render(string name, IReadOnlyList<PointResults> points)
    {
        var title = $"{name}: {points.Count} sweep point{(points.Count == 1 ? "" : "s")}";
        var sb = new StringBuilder(PageStyle.Head(title)).Append("<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>");
        sb.Append("<h2>Trade-off</h2>").Append(TradeoffChart.Render(points));
        sb.Append("<h2>Across sweep points</h2>").Append(TableText.Html(SweepTable.Of(points)));
        sb.Append("<h2>Points</h2>");
        foreach (var p in points)
        {
            var link = Path.GetRelativePath(Path.GetDirectoryName(Path.GetDirectoryName(p.Directory)!)!, Path.Combine(p.Directory, "report.html")).Replace('\\', '/');
            sb.Append("<h3>").Append(WebUtility.HtmlEncode(p.Label)).Append(" <a href='").Append(WebUtility.HtmlEncode(link)).Append("'>report</a></h3>")
              .Append(TableText.Html(SummaryTable.Of(p)));
        }
        return sb.Append("</body></html>").ToString();
    }
}
