using MIForge.Host.Reports;
using MIForge.Host.Reports.Tables;

namespace MIForge.Host.Cli;

/// <summary>The summary table printed at the end of miforge run, one per point, when the point's
/// metrics.json exists.</summary>
internal static class RunSummary
{
    public static void Write(string metricsPath, string label, TextWriter output)
    {
        if (!File.Exists(metricsPath)) return;
        var point = PointResults.Read(metricsPath, label);
        if (point.Targets.Count == 0) return;
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        TerminalTable.Write(SummaryTable.Of(point), output, terminal);
    }
}
