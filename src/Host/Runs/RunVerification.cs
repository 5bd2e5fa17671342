using MIForge.Host.Stages;

namespace MIForge.Host.Runs;

/// <summary><c>miforge verify RUN</c>: every finished stage folder of a run checked against the files its
/// stage.json records.</summary>
public static class RunVerification
{
    /// <summary>Stages and files checked, and one message per problem (file and stage named).</summary>
    public static (int stages, int files, IReadOnlyList<string> problems) Check(string runRoot)
    {
        var stagesDir = new RunFolder(runRoot).StagesDirectory;
        if (!Directory.Exists(stagesDir))
            throw new Manifests.ManifestException(null, "run", $"{Path.GetFullPath(runRoot)} is not a run folder: it has no stages/ folder");
        int stages = 0, files = 0;
        var problems = new List<string>();
        foreach (var dir in Directory.GetDirectories(stagesDir).Order(StringComparer.Ordinal))
        {
            var recordPath = Path.Combine(dir, StageRecord.FileName);
            if (!File.Exists(recordPath)) continue; // a .partial or a folder being replaced
            stages++;
            try
            {
                files += StageRecord.Verify(dir);
            }
            catch (InvalidDataException e)
            {
                problems.Add(e.Message);
            }
        }
        return (stages, files, problems);
    }
}
