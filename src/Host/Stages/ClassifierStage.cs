using MIForge.Abstractions;
using MIForge.Host.Manifests;
using MIForge.Host.Runs;
using MIForge.Host.Training;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using TorchSharp;

namespace MIForge.Host.Stages;

/// <summary>Trains a classifier: a target (private classes, optional defense) or the evaluator
/// (all dataset classes). Writes model.safetensors + sidecar and training.json.</summary>
public sealed class ClassifierStage : Stage
{
    private readonly Experiment experiment;
    private readonly ClassifierSpec spec;
    private readonly PluginRef<IDefense>? defense;

    private ClassifierStage(Experiment experiment, string id, string kind, ClassifierSpec spec, PluginRef<IDefense>? defense, JObject config, Stage data)
        : base(id, kind, config, [data], experiment.Describe(spec.Model!) + (defense is null ? "" : ", " + experiment.Describe(defense)))
    {
        this.experiment = experiment;
        this.spec = spec;
        this.defense = defense;
    }

    /// <summary>The target named by <paramref name="target"/>.Id.</summary>
    public string? TargetId => (spec as TargetSpec)?.Id;

    public static ClassifierStage Target(Experiment e, TargetSpec t, Stage data, string key) =>
        new(e, $"target.{t.Id}", "target", t, t.Defense, ConfigOf(e, t, t.Defense, auxiliary: true), data) { ManifestKey = key };

    public static ClassifierStage Evaluator(Experiment e, ClassifierSpec s, Stage data, string key) =>
        new(e, "evaluator", "evaluator", s, null, ConfigOf(e, s, null, auxiliary: false), data) { ManifestKey = key };

    private static JObject ConfigOf(Experiment e, ClassifierSpec s, PluginRef<IDefense>? defense, bool auxiliary) => new()
    {
        ["model"] = e.Writer.WriteRef(s.Model!),
        ["defense"] = defense is null ? null : e.Writer.WriteRef(defense),
        ["training"] = e.Writer.Write(s.Training),
        // only a defense can use auxiliary images, so only a defended target's result depends on them
        ["auxiliary"] = auxiliary && defense is not null && e.Manifest.Data.Auxiliary is { } a ? e.Writer.WriteRef(a) : null,
        ["seed"] = e.Manifest.Seed,
        // a given checkpoint replaces training: its bytes are what the result depends on
        ["checkpoint"] = s.Checkpoint is null ? null : ClassifierCheckpoint.Digest(CheckpointFile(e, s)),
    };

    /// <summary>The model.safetensors a spec's <c>checkpoint</c> names, resolved against the manifest's folder.</summary>
    private static string CheckpointFile(Experiment e, ClassifierSpec s) => ClassifierCheckpoint.Resolve(e.Loaded.Directory, s.Checkpoint!);

    public override void Execute(StageContext stage)
    {
        var directory = stage.Directory;
        using var services = experiment.ServicesFor(Id, stage);
        var logger = experiment.Logs.CreateLogger("MIForge.Stage." + Id);
        var isTarget = Kind == "target";
        var train = isTarget ? experiment.Data.PrivateTrain : experiment.Data.EvaluatorTrain;
        var test = isTarget ? experiment.Data.PrivateTest : experiment.Data.EvaluatorTest;
        var architecture = experiment.Create(spec.Model!, services);
        var objective = defense is null ? null : experiment.Create(defense, services);
        using var model = Build(architecture, objective, train.Shape, train.ClassCount);
        var context = (IRunContext)services.GetService(typeof(IRunContext))!;
        var progress = (IProgressReporter)services.GetService(typeof(IProgressReporter))!;
        var log = spec.Checkpoint is null
            ? new ClassifierTrainer(spec.Training, context, progress, logger)
                .Train(model, objective, train, objective?.AuxiliaryBatchSize > 0 ? experiment.Data.Auxiliary : null)
            : LoadGiven(model, train, logger);
        var testAccuracy = ClassifierTrainer.Accuracy(model, test);
        logger.LogInformation("{Stage}: test accuracy {Acc:P2}", Id, testAccuracy);
        ClassifierCheckpoint.Save(directory, model, new JObject
        {
            ["stage"] = Id,
            ["model"] = experiment.Writer.WriteRef(spec.Model!),
            ["defense"] = defense is null ? null : experiment.Writer.WriteRef(defense),
            ["input"] = ClassifierCheckpoint.Shape(train.Shape),
            ["classes"] = train.ClassCount,
        });
        AtomicFile.WriteJson(Path.Combine(directory, StageLayout.TrainingLog), new JObject
        {
            ["epochs"] = log,
            ["test_acc"] = testAccuracy,
            ["checkpoint"] = spec.Checkpoint is null ? null : CheckpointFile(experiment, spec),
        });
    }

    /// <summary>Fills the model from the spec's checkpoint instead of training it; no epochs to log.</summary>
    private JArray LoadGiven(IClassifier model, ImageSet train, ILogger logger)
    {
        var file = CheckpointFile(experiment, spec);
        var sidecar = MIForge.Numerics.Serialization.Checkpoint.ReadSidecar(file);
        if (sidecar["input"] is JObject input && ClassifierCheckpoint.Shape(train.Shape) is var expected && !JToken.DeepEquals(input, expected))
            throw new InvalidDataException($"{file}: the checkpoint is for input {input.ToString(Newtonsoft.Json.Formatting.None)}, the data are {expected.ToString(Newtonsoft.Json.Formatting.None)}");
        if (sidecar["classes"] is JValue classes && (int)classes != train.ClassCount)
            throw new InvalidDataException($"{file}: the checkpoint has {(int)classes} classes, the {Kind} needs {train.ClassCount}");
        MIForge.Numerics.Serialization.Checkpoint.Load(file, model.Module);
        model.Module.to(experiment.Device);
        logger.LogInformation("{Stage}: loaded {File} instead of training", Id, file);
        return [];
    }

    /// <summary>The trained classifier from this stage's folder, on the run device.</summary>
    public IClassifier Load(StageServicesScope scope)
    {
        var architecture = experiment.Create(spec.Model!, scope.Services);
        var objective = defense is null ? null : experiment.Create(defense, scope.Services);
        var model = ClassifierCheckpoint.Load(Directory!, (shape, classes) => Build(architecture, objective, shape, classes));
        model.Module.to(experiment.Device);
        return model;
    }

    /// <summary>Test accuracy recorded when the stage ran.</summary>
    public double TestAccuracy => (double?)JObject.Parse(File.ReadAllText(Path.Combine(Directory!, StageLayout.TrainingLog)))["test_acc"] ?? double.NaN;

    private static IClassifier Build(IModelArchitecture architecture, IDefense? defense, ImageShape shape, int classes)
    {
        var model = architecture.Create(shape, classes);
        return defense?.Prepare(model) ?? model;
    }
}
