using MIForge.Host.Runs;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Stages;

/// <summary>stage.json: written last into a stage folder; its presence marks the stage finished.</summary>
public static class StageRecord
{
    public const string FileName = "stage.json";

    /// <summary>Writes the record of <paramref name="stage"/>, whose content hash is <paramref name="hash"/> and whose
    /// inputs had <paramref name="inputHashes"/> (in the order of its inputs).</summary>
    public static void Write(string directory, Stage stage, string hash, IReadOnlyList<string> inputHashes, DateTime started, TimeSpan duration) =>
        AtomicFile.WriteJson(Path.Combine(directory, FileName), new JObject
        {
            ["id"] = stage.Id,
            ["kind"] = stage.Kind,
            ["hash"] = hash,
            ["plugin"] = stage.Plugin,
            ["code"] = stage.Code,
            ["config"] = stage.Config.DeepClone(),
            ["inputs"] = new JArray(stage.Inputs.Select((input, i) => new JObject { ["id"] = input.Id, ["hash"] = inputHashes[i] })),
            ["started"] = started.ToString("O"),
            ["seconds"] = Math.Round(duration.TotalSeconds, 3),
            ["files"] = StageFiles.Record(directory, FileName),
        });

    /// <summary>Verifies a finished stage folder against the files its stage.json records (folders written
    /// before files were recorded have nothing to verify); returns how many files were checked. Messages name
    /// <paramref name="stageId"/>, by default the id the record holds.</summary>
    public static int Verify(string directory, string? stageId = null)
    {
        var path = Path.Combine(directory, FileName);
        JObject record;
        try { record = JObject.Parse(File.ReadAllText(path)); }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new InvalidDataException($"{path}: not a stage record ({e.Message}); rerun it with --force {stageId ?? Path.GetFileName(directory)}", e);
        }
        if (record["files"] is not JObject files) return 0;
        StageFiles.Verify(directory, files, stageId ?? (string?)record["id"] ?? Path.GetFileName(directory));
        return files.Count;
    }
}
