using MIForge.Host.Reports;
using MIForge.Host.Runs;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Stages;

/// <summary>Gathers every metric row into the point's metrics.json and writes report.html (and, for a sweep
/// point, the sweep's report across points). Runs every time: it only reads finished stages.</summary>
public sealed class ReportStage(PlanSource plan, IReadOnlyList<Stage<IReadOnlyList<MetricRow>>> inputs)
    : Stage(plan, "report", "report", new JObject(), inputs)
{
    private readonly RunFolder run = plan.Run;
    private readonly string name = plan.Manifest.Name;
    private readonly string label = plan.Point.Label;
    private readonly JObject resolved = plan.Point.Resolved;

    public override StageCaching Caching => StageCaching.Always;

    public override void Execute(StageContext stage)
    {
        var rows = inputs.SelectMany(stage.Inputs.Of).ToArray();
        MetricsFile.Write(run.Metrics, name, label, rows);
        var title = string.IsNullOrEmpty(label) ? name : $"{name} {label}";
        var results = new PointResults(label, run.Directory, rows, resolved);
        AtomicFile.WriteAllText(run.Report, new HtmlReport(title, results, stage.Inputs.Folders()).Render());
        if (label.Length > 0) SweepReport.Write(run.Root, name);
    }
}
