using MIForge.Host.Runs;

namespace MIForge.Host.Reports;

/// <summary>Finds the points of a run: a run folder without a sweep is one point; with a sweep, each
/// points/&lt;label&gt;/ folder holding a metrics.json is one. A point folder or a metrics.json file
/// names a single point.</summary>
public static class RunResults
{
    public static IReadOnlyList<PointResults> Read(string path)
    {
        if (File.Exists(path)) return [PointResults.Read(path, LabelOf(Path.GetDirectoryName(Path.GetFullPath(path))!))];
        if (!Directory.Exists(path)) throw new InvalidDataException($"{path}: no such run folder or metrics file");
        var root = new RunFolder(path);
        if (File.Exists(root.Metrics)) return [PointResults.Read(root.Metrics, LabelOf(root.Root))];
        var points = Path.Combine(root.Root, "points");
        var found = Directory.Exists(points)
            ? Directory.GetDirectories(points).Order(StringComparer.Ordinal)
                .Where(d => File.Exists(Path.Combine(d, "metrics.json")))
                .Select(d => PointResults.Read(Path.Combine(d, "metrics.json"), Path.GetFileName(d))).ToList()
            : [];
        if (found.Count == 0) throw new InvalidDataException($"{path}: no metrics.json (neither the run's nor any point's under points/); the run has not finished its report stage");
        return found;
    }

    /// <summary>A point folder's label: its name under points/, else empty (a run without a sweep).</summary>
    private static string LabelOf(string directory) =>
        Path.GetFileName(Path.GetDirectoryName(directory)) == "points" ? Path.GetFileName(directory) : "";
}
