namespace MIForge.Host.Stages;

/// <summary>The file names of stage folders, in one place: what each stage writes and what the stages
/// after it and the report read. (The rounds of multi-round attacks are in <see cref="Abstractions.AttackRounds"/>,
/// since plugins write them; stage.json and rows.json are <see cref="StageRecord"/>'s and <see cref="MetricRows"/>'s.)</summary>
public static class StageLayout
{
    /// <summary>Classifier stages: the weights (safetensors, with a JSON sidecar).</summary>
    public const string Model = Training.ClassifierCheckpoint.FileName;

    /// <summary>Classifier stages: the per-epoch training log and the test accuracy.</summary>
    public const string TrainingLog = "training.json";

    /// <summary>Attack stages: the reconstructions (images, classes, latents).</summary>
    public const string Reconstructions = "reconstructions.safetensors";

    /// <summary>Attack stages: the reconstructions as a grid, a row per class.</summary>
    public const string ReconstructionGrid = "reconstructions.png";

    /// <summary>Attack stages: plugin, access and query count.</summary>
    public const string AttackFacts = "attack.json";

    /// <summary>Metrics stages of an attack: each reconstruction beside its nearest private image.</summary>
    public const string Pairs = "pairs.png";

    /// <summary>Prior stages: the folder the prior plugin saves itself into.</summary>
    public const string PriorFolder = "prior";

    /// <summary>OOD stages: one scorer's scores of the in-distribution test images ("in") and of one OOD set ("out").</summary>
    public static string OodScores(string scorer, string set) => $"scores.{scorer}.{set}.safetensors";

    /// <summary>OOD stages: the pattern every <see cref="OodScores"/> file matches.</summary>
    public const string OodScoresPattern = "scores.*.safetensors";

    /// <summary>Prior stages: plugin and options.</summary>
    public const string PriorFacts = "prior.json";
}
