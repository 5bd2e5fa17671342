using MIForge.Host.Reports;
using MIForge.Host.Runs;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Stages;

/// <summary>Gathers every metric row into the point's metrics.json and writes report.html.
/// Runs every time: it only reads finished stages.</summary>
public sealed class ReportStage(Experiment e, IReadOnlyList<Stage> inputs)
    : Stage("report", "report", new JObject(), inputs)
{
    public override StageCaching Caching => StageCaching.Always;

    public IReadOnlyList<MetricRow> Rows { get; private set; } = [];

    public override void Execute(StageContext stage)
    {
        Rows = Inputs.Where(s => s.Directory is not null).SelectMany(s => MetricRows.Read(s.Directory!)).ToArray();
        MetricsFile.Write(e.Run.Metrics, e.Manifest.Name, e.Point.Label, Rows);
        var title = string.IsNullOrEmpty(e.Point.Label) ? e.Manifest.Name : $"{e.Manifest.Name} {e.Point.Label}";
        var point = new PointResults(e.Point.Label, e.Run.Directory, Rows, e.Point.Resolved);
        var folders = AllInputs().Where(s => s.Directory is not null).Select(s => new StageFolder(s.Id, s.Kind, s.Directory!)).ToList();
        AtomicFile.WriteAllText(e.Run.Report, new HtmlReport(title, point, folders).Render());
        if (e.Point.Label.Length > 0) SweepReport.Write(e.Run.Root, e.Manifest.Name);
    }

    /// <summary>Every stage this report depends on, directly or not, each once.</summary>
    private List<Stage> AllInputs()
    {
        var seen = new HashSet<Stage>();
        var order = new List<Stage>();
        void Visit(Stage s)
        {
            if (!seen.Add(s)) return;
            foreach (var i in s.Inputs) Visit(i);
            order.Add(s);
        }
        foreach (var i in Inputs) Visit(i);
        return order;
    }
}
