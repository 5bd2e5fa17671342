using MIForge.Host.Reports;
using MIForge.Host.Runs;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Stages;

/// <summary>Gathers every metric row into the point's metrics.json and writes report.html.
/// Runs every time: it only reads finished stages.</summary>
public sealed class ReportStage(PlanSource plan, IReadOnlyList<Stage<IReadOnlyList<MetricRow>>> inputs)
    : Stage(plan, "report", "report", new JObject(), inputs)
{
    private readonly RunFolder run = plan.Run;
    private readonly string name = plan.Manifest.Name;
    private readonly string label = plan.Point.Label;

    public override StageCaching Caching => StageCaching.Always;

    public override void Execute(StageContext stage)
    {
        var rows = inputs.SelectMany(stage.Inputs.Of).ToArray();
        MetricsFile.Write(run.Metrics, name, label, rows);
        var title = string.IsNullOrEmpty(label) ? name : $"{name} {label}";
        AtomicFile.WriteAllText(run.Report, new HtmlReport(title, run.Directory, rows, stage.Inputs.Folders()).Render());
    }
}
