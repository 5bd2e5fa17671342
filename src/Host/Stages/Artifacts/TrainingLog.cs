using MIForge.Host.Runs;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Stages;

/// <summary>training.json of a classifier stage: one entry per epoch ("epoch", "loss", "train_acc", "val_acc", "lr",
/// "seconds", "images_per_s" and the defense's terms), the test accuracy, and the checkpoint given instead of
/// training. The classifier stage writes it; the metrics stage and the report read it.</summary>
public sealed record TrainingLog(JArray Epochs, double TestAccuracy, string? Checkpoint)
{
    private static readonly string[] Standard = ["epoch", "loss", "train_acc", "val_acc", "lr", "seconds", "images_per_s"];

    /// <summary>Writes training.json into <paramref name="directory"/>.</summary>
    public void Write(string directory) => AtomicFile.WriteJson(Path.Combine(directory, StageLayout.TrainingLog), new JObject
    {
        ["epochs"] = Epochs,
        ["test_acc"] = TestAccuracy,
        ["checkpoint"] = Checkpoint,
    });

    /// <summary>The log in <paramref name="directory"/>; a missing or malformed file is an error naming it.</summary>
    public static TrainingLog Read(string directory)
    {
        var path = Path.Combine(directory, StageLayout.TrainingLog);
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: missing; the classifier stage that writes it must be rerun");
        try
        {
            var json = JObject.Parse(File.ReadAllText(path));
            return new TrainingLog(json["epochs"] as JArray ?? [], (double?)json["test_acc"] ?? double.NaN, (string?)json["checkpoint"]);
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or ArgumentException or FormatException or InvalidCastException)
        {
            throw new InvalidDataException($"{path}: not a training log ({e.Message})", e);
        }
    }

    /// <summary>One value per epoch of <paramref name="key"/> (NaN where an epoch lacks it).</summary>
    public double[] Series(string key) =>
        Epochs.Select(e => e[key]?.Type is JTokenType.Float or JTokenType.Integer ? (double)e[key]! : double.NaN).ToArray();

    /// <summary>Whether any epoch has a validation accuracy.</summary>
    public bool HasValidation => Epochs.Any(e => e["val_acc"] is not null);

    /// <summary>The defense's terms (every per-epoch key beyond the standard ones), in first-seen order.</summary>
    public IReadOnlyList<string> Terms =>
        Epochs.OfType<JObject>().SelectMany(e => e.Properties().Select(p => p.Name)).Where(n => !Standard.Contains(n)).Distinct().ToArray();
}
