using System.CommandLine;
using MIForge.Host.Manifests;
using MIForge.Host.Reports;
using MIForge.Host.Reports.Tables;

namespace MIForge.Host.Cli;

/// <summary>miforge compare RUN_A [RUN_B] [--targets A B]: metric differences between two runs, or
/// two targets of one run (or of two runs), with 95% intervals and whether they overlap.</summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var runs = new Argument<string[]>("runs") { Description = "One or two run folders (or sweep point folders, or metrics.json files).", Arity = new ArgumentArity(1, 2) };
        var targets = new Option<string[]>("--targets") { Description = "Two target ids: the first is read from the first run, the second from the second run (or the same run when one is given).", AllowMultipleArgumentsPerToken = true };
        var format = new Option<string?>("--format", "-f") { Description = "markdown, latex or csv (default: a terminal table)." };
        format.AcceptOnlyFromAmong(TableText.Formats);
        var command = new Command("compare", "Show metric differences between two runs or two targets, with intervals, for ablations.") { runs, targets, format, CommandLine.VerboseOption };
        command.SetAction(p => CommandLine.Guard(p, error, _ =>
        {
            var paths = p.GetValue(runs)!;
            var ids = p.GetValue(targets) ?? [];
            if (ids.Length is not (0 or 2)) throw new ManifestException(null, "--targets", $"expected two target ids, got {ids.Length}");
            if (paths.Length == 1 && ids.Length == 0) throw new ManifestException(null, "runs", "expected two runs, or one run with --targets A B");
            var a = Single(paths[0]);
            var b = paths.Length == 2 ? Single(paths[1]) : a;
            string? ta = ids.Length == 2 ? ids[0] : null, tb = ids.Length == 2 ? ids[1] : null;
            foreach (var (point, id, path) in new[] { (a, ta, paths[0]), (b, tb, paths[^1]) })
                if (id is not null && !point.Targets.Contains(id))
                    throw new ManifestException(null, "--targets", $"{path} has no target '{id}' (it has {string.Join(", ", point.Targets)})");
            string Name(string path, string? target) => target is null ? path : paths.Length == 1 ? target : $"{path}:{target}";
            var table = ComparisonTable.Of(new(Name(paths[0], ta), a, ta), new(Name(paths[^1], tb), b, tb));
            if (p.GetValue(format) is { } f) output.Write(TableText.Write(table, f));
            else TerminalTable.Write(table, output);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>A run with one point; a sweep's run folder must be narrowed to one of its points.</summary>
    private static PointResults Single(string path)
    {
        var points = RunResults.Read(path);
        return points.Count == 1 ? points[0]
            : throw new InvalidDataException($"{path}: a sweep with {points.Count} points; name one, e.g. {Path.Combine(path, "points", points[0].Label)}");
    }
}
