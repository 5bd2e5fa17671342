using System.Net;
using System.Text;
using MIForge.Host.Reports.Charts;
using MIForge.Host.Reports.Tables;
using MIForge.Host.Stages;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Reports;

/// <summary>
/// report.html of one run point, one self-contained file readable without JavaScript: the summary
/// table (targets × attacks), OOD detection, per-round charts of multi-round attacks, training
/// curves, labelled reconstruction grids beside their nearest private images, OOD score histograms
/// beside ROC curves, and every metric row. Charts are ScottPlot SVG inline; images are embedded.
/// </summary>
public sealed class HtmlReport(string title, PointResults point, IReadOnlyList<StageFolder> stages)
{
    private readonly StringBuilder sb = new();

    /// <summary>The whole page.</summary>
    public string Render()
    {
        sb.Append(PageStyle.Head(title)).Append("<h1>").Append(Enc(title)).Append("</h1>");
        Summary();
        Ood();
        Rounds();
        Curves();
        Reconstructions();
        OodCharts();
        AllRows();
        return sb.Append("</body></html>").ToString();
    }

    private void Summary()
    {
        if (point.Targets.Count == 0) return;
        sb.Append("<h2>Summary</h2>").Append(TableText.Html(SummaryTable.Of(point)));
    }

    private void Ood()
    {
        var rows = point.Rows.Where(r => r.Scorer is not null && r.Target is not null).ToList();
        if (rows.Count == 0) return;
        var names = rows.Select(r => (r.Metric, r.Name)).Distinct().ToList();
        var columns = new List<TableColumn> { new("", "Target"), new("", "Scorer"), new("", "OOD set") };
        columns.AddRange(names.Select(n => new TableColumn("", MetricNames.Label(n.Metric, n.Name))));
        var cells = rows.GroupBy(r => (r.Target, r.Scorer, r.OodSet)).Select(g => (IReadOnlyList<string>)new[] { g.Key.Target!, g.Key.Scorer!, g.Key.OodSet ?? "" }
            .Concat(names.Select(n => g.FirstOrDefault(r => r.Metric == n.Metric && r.Name == n.Name) is { } r ? MetricNames.Format(r.Metric, r.Name, r.Value) : CellFormat.Missing)).ToList()).ToList();
        sb.Append("<h2>OOD detection</h2>").Append(TableText.Html(new ResultTable("OOD detection", columns, cells,
            ["OOD is the positive class, flagged by low scores (OpenOOD's conventions)."])));
    }

    private void Rounds()
    {
        var charts = RoundChart.Render(point).ToList();
        if (charts.Count > 0) sb.Append("<h2>Attack rounds</h2>").Append(string.Concat(charts));
    }

    private void Curves()
    {
        var charts = new List<string>();
        foreach (var s in stages)
        {
            if (!File.Exists(Path.Combine(s.Directory, StageLayout.TrainingLog))) continue;
            var log = TrainingLog.Read(s.Directory);
            charts.Add(EpochChart.Render($"{s.Id}: loss", "loss", [("loss", log.Series("loss"))], rates: false));
            var accuracy = new List<(string, double[])> { ("train", log.Series("train_acc")) };
            if (log.HasValidation) accuracy.Add(("validation", log.Series("val_acc")));
            charts.Add(EpochChart.Render($"{s.Id}: accuracy", "accuracy", accuracy, rates: true));
            var terms = log.Terms;
            if (terms.Count > 0) charts.Add(EpochChart.Render($"{s.Id}: defense terms", "value", terms.Select(n => (n, log.Series(n))).ToList(), rates: false));
        }
        if (charts.Count > 0) sb.Append("<h2>Training curves</h2>").Append(string.Concat(charts));
    }

    private void Reconstructions()
    {
        var attacks = stages.Where(s => s.Kind == "attack" && File.Exists(Path.Combine(s.Directory, StageLayout.ReconstructionGrid))).ToList();
        if (attacks.Count == 0) return;
        sb.Append("<h2>Reconstructions</h2><p>One row per attacked class, upscaled without smoothing. Where the evaluator is known, ")
          .Append("each reconstruction is followed by the private training image nearest to it in evaluator feature space.</p>");
        foreach (var a in attacks)
        {
            var classes = ReconstructionGrid.RowClasses(Path.Combine(a.Directory, StageLayout.Reconstructions));
            sb.Append("<h3>").Append(Enc(a.Id)).Append("</h3><div class=pair>").Append(ReconstructionGrid.Caption("reconstructions"))
              .Append(ReconstructionGrid.Html(File.ReadAllBytes(Path.Combine(a.Directory, StageLayout.ReconstructionGrid)), classes)).Append("</div>");
            var metricsId = "metrics." + a.Id["attack.".Length..];
            if (stages.FirstOrDefault(s => s.Id == metricsId && File.Exists(Path.Combine(s.Directory, StageLayout.Pairs))) is { } m)
                sb.Append("<div class=pair>").Append(ReconstructionGrid.Caption("reconstruction | nearest private image"))
                  .Append(ReconstructionGrid.Html(File.ReadAllBytes(Path.Combine(m.Directory, StageLayout.Pairs)), classes)).Append("</div>");
        }
    }

    private void OodCharts()
    {
        var charts = new List<string>();
        foreach (var s in stages.Where(s => s.Kind == "ood"))
            foreach (var (scorer, set, inside, outside) in OodScores.In(s.Directory))
            {
                var name = $"{s.Id}: {scorer} vs {set}";
                charts.Add("<div>" + Charts.OodCharts.Histogram(name, inside, outside) + Charts.OodCharts.Roc(name, inside, outside) + "</div>");
            }
        if (charts.Count > 0) sb.Append("<h2>OOD scores</h2><p>Higher score = more in-distribution; the ROC curve treats OOD as positive.</p>").Append(string.Concat(charts));
    }

    private void AllRows()
    {
        sb.Append("<h2>All metrics</h2><details><summary>").Append(point.Rows.Count).Append(" metric rows (as in metrics.json)</summary><table><tr><th>scope</th><th>metric</th><th>value</th><th>key</th></tr>");
        foreach (var r in point.Rows)
        {
            var scope = string.Join(" / ", new[] { r.Target, r.Attack, r.Scorer, r.OodSet }.OfType<string>());
            sb.Append("<tr><td>").Append(Enc(scope)).Append("</td><td>").Append(Enc(MetricNames.Label(r.Metric, r.Name))).Append("</td><td>")
              .Append(Enc(MetricNames.Format(r.Metric, r.Name, r.Value))).Append("</td><td>").Append(Enc(r.Key)).Append("</td></tr>");
        }
        sb.Append("</table></details>");
    }

    private static string Enc(string? s) => WebUtility.HtmlEncode(s ?? "");
}
