using MIForge.Host.Tests.Fakes;
using MIForge.Host.Training;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Tests.Training;

/// <summary><c>targets[].checkpoint</c> / <c>evaluator.checkpoint</c>: a trained checkpoint replaces training.</summary>
public sealed class GivenCheckpointTests
{
    [Fact]
    public void A_named_checkpoint_is_used_instead_of_training_and_its_bytes_key_the_stage()
    {
        using var trained = new Workspace();
        Assert.Equal(0, trained.Cli("run", trained.Write(Workspace.Manifest()), "--out", trained.Out).code);
        var evaluatorDir = trained.StageDirectory("evaluator");
        var trainedAccuracy = (double)JObject.Parse(File.ReadAllText(Path.Combine(evaluatorDir, "training.json")))["test_acc"]!;

        using var w = new Workspace();
        var copy = Path.Combine(w.Root, "ckpt");
        Directory.CreateDirectory(copy);
        foreach (var f in new[] { ClassifierCheckpoint.FileName, ClassifierCheckpoint.FileName + ".json" })
            File.Copy(Path.Combine(evaluatorDir, f), Path.Combine(copy, f));
        var m = Workspace.Manifest();
        m["evaluator"]!["checkpoint"] = "ckpt";
        var (code, _, error) = w.Cli("run", w.Write(m), "--out", w.Out);
        Assert.True(code == 0, error);
        var log = JObject.Parse(File.ReadAllText(Path.Combine(w.StageDirectory("evaluator"), "training.json")));
        Assert.Empty((JArray)log["epochs"]!);
        Assert.Equal(trainedAccuracy, (double)log["test_acc"]!);
        Assert.Equal(File.ReadAllBytes(Path.Combine(copy, ClassifierCheckpoint.FileName)),
            File.ReadAllBytes(Path.Combine(w.StageDirectory("evaluator"), ClassifierCheckpoint.FileName)));

        // the same checkpoint again: cached; other bytes in it: the evaluator stage runs again
        Assert.Equal(0, w.Cli("run", w.Write(m), "--out", w.Out).code);
        Assert.Equal("cached", w.Statuses()["evaluator"]);
        var sidecar = Path.Combine(copy, ClassifierCheckpoint.FileName + ".json");
        var edited = JObject.Parse(File.ReadAllText(sidecar));
        edited["note"] = "re-exported";
        File.WriteAllText(sidecar, edited.ToString());
        Assert.Equal(0, w.Cli("run", w.Write(m), "--out", w.Out).code);
        Assert.Equal("ran", w.Statuses()["evaluator"]);
    }

    [Fact]
    public void A_missing_checkpoint_is_a_manifest_error_with_its_path()
    {
        using var w = new Workspace();
        var m = Workspace.Manifest();
        m["targets"]![0]!["checkpoint"] = "no/such/folder";
        var (code, _, error) = w.Cli("validate", w.Write(m));
        Assert.Equal(2, code);
        Assert.Contains("targets[0].checkpoint", error);
        Assert.Contains(Path.Combine(w.Root, "no", "such", "folder"), error);
    }
}
