using System.Globalization;
using System.Net;
using System.Text;
using MIForge.Host.Runs;
using MIForge.Host.Stages;
using MIForge.Numerics.Serialization;
using Newtonsoft.Json.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Host.Reports;

/// <summary>
/// report.html of one run point: per target a table of natural accuracy and each attack's and
/// OOD scorer's metrics, reconstruction grids, training curves (inline SVG), OOD score
/// histograms (inline SVG), and every metric row. Reads finished stage folders only.
/// </summary>
public sealed class HtmlReport(string title, string runDirectory, IReadOnlyList<MetricRow> rows, IReadOnlyList<StageFolder> stages)
{
    private readonly StringBuilder sb = new();

    /// <summary>The whole page.</summary>
    public string Render()
    {
        sb.Append("<!doctype html><meta charset=utf-8><title>").Append(Enc(title)).Append("</title>");
        sb.Append("<style>body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;margin:0.5em 0}")
          .Append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th:first-child,td:first-child{text-align:left}")
          .Append("img{image-rendering:pixelated;max-width:100%}.charts svg{margin:4px}</style>");
        sb.Append("<h1>").Append(Enc(title)).Append("</h1>");
        Targets();
        Curves();
        Reconstructions();
        OodHistograms();
        AllRows();
        return sb.ToString();
    }

    private void Targets()
    {
        var targets = rows.Where(r => r.Target is not null).Select(r => r.Target!).Distinct().ToList();
        if (targets.Count == 0) return;
        sb.Append("<h2>Targets</h2>");
        var accuracy = rows.Where(r => r.Metric == "host" && r.Name == "test_acc" && r.Attack is null && r.Scorer is null).ToDictionary(r => r.Target ?? "", r => r.Value);
        foreach (var t in targets)
        {
            sb.Append("<h3>").Append(Enc(t)).Append("</h3>");
            if (accuracy.TryGetValue(t, out var acc)) sb.Append("<p>natural test accuracy: <b>").Append(Pct(acc)).Append("</b></p>");
            Pivot("attack", rows.Where(r => r.Target == t && r.Attack is not null && r.Scorer is null).ToList(), r => r.Attack!);
            Pivot("OOD scorer @ set", rows.Where(r => r.Target == t && r.Scorer is not null).ToList(), r => $"{r.Scorer} @ {r.OodSet}");
        }
    }

    /// <summary>A table with one row per group and one column per metric.name.</summary>
    private void Pivot(string label, List<MetricRow> selected, Func<MetricRow, string> group)
    {
        if (selected.Count == 0) return;
        var columns = selected.Select(r => $"{r.Metric}.{r.Name}").Distinct().Where(c => !c.Contains(".class_")).ToList();
        sb.Append("<table><tr><th>").Append(Enc(label)).Append("</th>");
        foreach (var c in columns) sb.Append("<th>").Append(Enc(c)).Append("</th>");
        sb.Append("</tr>");
        foreach (var g in selected.GroupBy(group))
        {
            var values = g.GroupBy(r => $"{r.Metric}.{r.Name}").ToDictionary(x => x.Key, x => x.First().Value);
            sb.Append("<tr><td>").Append(Enc(g.Key)).Append("</td>");
            foreach (var c in columns) sb.Append("<td>").Append(values.TryGetValue(c, out var v) ? Num(v) : "").Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("</table>");
    }

    private void Curves()
    {
        var classifiers = stages.Where(s => s.Stage is ClassifierStage).ToList();
        var charts = new List<string>();
        foreach (var (s, dir) in classifiers)
        {
            if (!File.Exists(Path.Combine(dir, StageLayout.TrainingLog))) continue;
            var log = TrainingLog.Read(dir);
            charts.Add(SvgLineChart.Render($"{s.Id}: loss", new[] { ("loss", log.Series("loss")) }));
            var accuracy = new List<(string, double[])> { ("train", log.Series("train_acc")) };
            if (log.HasValidation) accuracy.Add(("validation", log.Series("val_acc")));
            charts.Add(SvgLineChart.Render($"{s.Id}: accuracy", accuracy));
            var terms = log.Terms;
            if (terms.Count > 0) charts.Add(SvgLineChart.Render($"{s.Id}: defense terms", terms.Select(n => (n, log.Series(n))).ToList()));
        }
        if (charts.Count == 0) return;
        sb.Append("<h2>Training curves</h2><div class=charts>").Append(string.Concat(charts)).Append("</div>");
    }

    private void Reconstructions()
    {
        var images = new List<(string id, string file)>();
        foreach (var (a, dir) in stages.Where(s => s.Stage is AttackStage))
            foreach (var name in new[] { StageLayout.ReconstructionGrid, StageLayout.Pairs })
                if (File.Exists(Path.Combine(dir, name))) images.Add((a.Id, Path.Combine(dir, name)));
        foreach (var (m, dir) in stages.Where(s => s.Stage.Kind == "metrics"))
            if (File.Exists(Path.Combine(dir, StageLayout.Pairs))) images.Add((m.Id, Path.Combine(dir, StageLayout.Pairs)));
        if (images.Count == 0) return;
        sb.Append("<h2>Reconstructions</h2><p>One row per class; in pair grids each reconstruction is followed by its nearest private training image in evaluator feature space.</p>");
        foreach (var (id, file) in images)
            sb.Append("<h3>").Append(Enc(id)).Append(" — ").Append(Enc(Path.GetFileName(file))).Append("</h3><img src='")
              .Append(Enc(Path.GetRelativePath(runDirectory, file))).Append("'>");
    }

    private void OodHistograms()
    {
        var charts = new List<string>();
        foreach (var (s, dir) in stages.Where(s => s.Stage.Kind == "ood"))
            foreach (var file in Directory.GetFiles(dir, StageLayout.OodScoresPattern).Order())
            {
                var scorerAndSet = Path.GetFileName(file)["scores.".Length..^".safetensors".Length];
                var dot = scorerAndSet.IndexOf('.');
                var scorer = dot < 0 ? scorerAndSet : $"{scorerAndSet[..dot]} vs {scorerAndSet[(dot + 1)..]}";
                var (tensors, _) = SafeTensors.Load(file);
                try
                {
                    charts.Add(SvgHistogram.Render($"{s.Id}: {scorer}", tensors["in"].cpu().data<float>().ToArray(), tensors["out"].cpu().data<float>().ToArray()));
                }
                finally { foreach (var t in tensors.Values) t.Dispose(); }
            }
        if (charts.Count == 0) return;
        sb.Append("<h2>OOD scores</h2><p>Higher = more in-distribution.</p><div class=charts>").Append(string.Concat(charts)).Append("</div>");
    }

    private void AllRows()
    {
        sb.Append("<h2>All metrics</h2><table><tr><th>key</th><th>value</th></tr>");
        foreach (var r in rows) sb.Append("<tr><td>").Append(Enc(r.Key)).Append("</td><td>").Append(Num(r.Value)).Append("</td></tr>");
        sb.Append("</table>");
    }

    private static string Enc(string? s) => WebUtility.HtmlEncode(s ?? "");
    private static string Num(double v) => double.IsNaN(v) ? "NaN" : v.ToString("G5", CultureInfo.InvariantCulture);
    private static string Pct(double v) => (v * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";
}
