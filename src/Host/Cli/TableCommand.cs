using System.CommandLine;
using MIForge.Host.Reports;
using MIForge.Host.Reports.Tables;

namespace MIForge.Host.Cli;

/// <summary>miforge table RUN [--format markdown|latex|csv]: the run's summary table for a paper
/// (per sweep point, and across points when the run has a sweep).</summary>
internal static class TableCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var run = new Argument<string>("run") { Description = "A run folder (the --out of miforge run), a sweep point's folder, or a metrics.json." };
        var format = new Option<string>("--format", "-f") { Description = "Output format: markdown, latex or csv.", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong(TableText.Formats);
        var command = new Command("table", "Print a run's summary table (targets × attacks: natural accuracy, attack accuracy with 95% intervals, KNN distance, FID) for a paper.")
            { run, format, CommandLine.VerboseOption };
        command.SetAction(p => CommandLine.Guard(p, error, _ =>
        {
            var points = RunResults.Read(p.GetValue(run)!);
            var fmt = p.GetValue(format)!;
            var tables = points.Select(SummaryTable.Of).ToList();
            if (points.Count > 1) tables.Insert(0, SweepTable.Of(points));
            for (var i = 0; i < tables.Count; i++)
            {
                if (i > 0) output.WriteLine();
                if (fmt != "csv" || tables.Count > 1) output.WriteLine(fmt switch { "markdown" => $"**{tables[i].Title}**\n", "latex" => $"% {tables[i].Title}", _ => $"# {tables[i].Title}" });
                output.Write(TableText.Write(tables[i], fmt));
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}
