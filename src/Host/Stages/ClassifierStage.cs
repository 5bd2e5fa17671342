using TorchSharp;
using MIForge.Abstractions;
using MIForge.Host.Manifests;
using MIForge.Host.Training;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Stages;

/// <summary>Trains a classifier: a target (private classes, optional defense) or the evaluator
/// (all dataset classes). Writes model.safetensors + sidecar and training.json (<see cref="TrainingLog"/>).</summary>
public sealed class ClassifierStage : Stage<TrainedClassifier>
{
    private readonly ClassifierSpec spec;
    private readonly PluginRef<IDefense>? defense;
    private readonly DataStage data;
    private readonly string? checkpoint;

    private ClassifierStage(PlanSource plan, string id, string kind, ClassifierSpec spec, PluginRef<IDefense>? defense, DataStage data)
        : base(plan, id, kind, ConfigOf(plan, spec, defense, auxiliary: kind == "target"), [data],
            plan.Describe(spec.Model!) + (defense is null ? "" : ", " + plan.Describe(defense)))
    {
        this.spec = spec;
        this.defense = defense;
        this.data = data;
        checkpoint = spec.Checkpoint is null ? null : CheckpointFile(plan, spec);
    }

    /// <summary>The target named by <paramref name="target"/>.Id.</summary>
    public string? TargetId => (spec as TargetSpec)?.Id;

    public static ClassifierStage Target(PlanSource p, TargetSpec t, DataStage data, string key) =>
        new(p, $"target.{t.Id}", "target", t, t.Defense, data) { ManifestKey = key };

    public static ClassifierStage Evaluator(PlanSource p, ClassifierSpec s, DataStage data, string key) =>
        new(p, "evaluator", "evaluator", s, null, data) { ManifestKey = key };

    private static JObject ConfigOf(PlanSource p, ClassifierSpec s, PluginRef<IDefense>? defense, bool auxiliary) => new()
    {
        ["model"] = p.Writer.WriteRef(s.Model!),
        ["defense"] = defense is null ? null : p.Writer.WriteRef(defense),
        ["training"] = p.Writer.Write(s.Training),
        // only a defense can use auxiliary images, so only a defended target's result depends on them
        ["auxiliary"] = auxiliary && defense is not null && p.Manifest.Data.Auxiliary is { } a ? p.Writer.WriteRef(a) : null,
        ["seed"] = p.Manifest.Seed,
        // a given checkpoint replaces training: its bytes are what the result depends on
        ["checkpoint"] = s.Checkpoint is null ? null : ClassifierCheckpoint.Digest(CheckpointFile(p, s)),
    };

    /// <summary>The model.safetensors a spec's <c>checkpoint</c> names, resolved against the manifest's folder.</summary>
    private static string CheckpointFile(PlanSource p, ClassifierSpec s) =>
        ClassifierCheckpoint.Resolve(Path.GetDirectoryName(p.ManifestFile)!, s.Checkpoint!);

    public override void Execute(StageContext stage)
    {
        var all = stage.Inputs.Of(data);
        var isTarget = Kind == "target";
        var train = isTarget ? all.PrivateTrain : all.EvaluatorTrain;
        var test = isTarget ? all.PrivateTest : all.EvaluatorTest;
        var architecture = stage.Create(spec.Model!);
        var objective = defense is null ? null : stage.Create(defense);
        using var model = TrainedClassifier.Build(architecture, objective, train.Shape, train.ClassCount);
        var progress = (IProgressReporter)stage.Services.GetService(typeof(IProgressReporter))!;
        var epochs = checkpoint is null
            ? new ClassifierTrainer(spec.Training, stage.Services.Run, progress, stage.Logger)
                .Train(model, objective, train, objective?.AuxiliaryBatchSize > 0 ? all.Auxiliary : null)
            : LoadGiven(stage, model, train);
        var testAccuracy = ClassifierTrainer.Accuracy(model, test);
        stage.Logger.LogInformation("{Stage}: test accuracy {Acc:P2}", Id, testAccuracy);
        ClassifierCheckpoint.Save(stage.Directory, model, new JObject
        {
            ["stage"] = Id,
            ["model"] = Config["model"]!.DeepClone(),
            ["defense"] = Config["defense"]!.DeepClone(),
            ["input"] = ClassifierCheckpoint.Shape(train.Shape),
            ["classes"] = train.ClassCount,
        });
        new TrainingLog(epochs, testAccuracy, checkpoint).Write(stage.Directory);
    }

    public override TrainedClassifier Open(StageResult result) => TrainedClassifier.Open(Id, FolderOf(result), spec.Model!, defense);

    /// <summary>Fills the model from the spec's checkpoint instead of training it; no epochs to log.</summary>
    private JArray LoadGiven(StageContext stage, IClassifier model, ImageSet train)
    {
        var file = checkpoint!;
        var sidecar = MIForge.Numerics.Serialization.Checkpoint.ReadSidecar(file);
        if (sidecar["input"] is JObject input && ClassifierCheckpoint.Shape(train.Shape) is var expected && !JToken.DeepEquals(input, expected))
            throw new InvalidDataException($"{file}: the checkpoint is for input {input.ToString(Newtonsoft.Json.Formatting.None)}, the data are {expected.ToString(Newtonsoft.Json.Formatting.None)}");
        if (sidecar["classes"] is JValue classes && (int)classes != train.ClassCount)
            throw new InvalidDataException($"{file}: the checkpoint has {(int)classes} classes, the {Kind} needs {train.ClassCount}");
        MIForge.Numerics.Serialization.Checkpoint.Load(file, model.Module);
        model.Module.to(stage.Device);
        stage.Logger.LogInformation("{Stage}: loaded {File} instead of training", Id, file);
        return [];
    }
}
