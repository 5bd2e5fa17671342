using TorchSharp;
using MIForge.Abstractions;
using MIForge.Host.Training;

namespace MIForge.Host.Stages;

/// <summary>A finished classifier stage (target or evaluator): its weights, rebuilt on demand with the plugins
/// its configuration names, and its training log.</summary>
public sealed class TrainedClassifier
{
    private readonly PluginRef<IModelArchitecture> model;
    private readonly PluginRef<IDefense>? defense;

    private TrainedClassifier(string directory, PluginRef<IModelArchitecture> model, PluginRef<IDefense>? defense, TrainingLog log)
    {
        Directory = directory;
        this.model = model;
        this.defense = defense;
        Log = log;
    }

    /// <summary>The stage's folder.</summary>
    public string Directory { get; }

    /// <summary>What training.json records.</summary>
    public TrainingLog Log { get; }

    /// <summary>Natural accuracy on the test images, measured when the stage ran.</summary>
    public double TestAccuracy => Log.TestAccuracy;

    /// <summary>The classifier in evaluation mode on the run device, built with <paramref name="stage"/>'s services
    /// (so its plugins are disposed with that stage); the caller owns it.</summary>
    public IClassifier Load(StageContext stage)
    {
        var architecture = stage.Create(model);
        var objective = defense is null ? null : stage.Create(defense);
        var classifier = ClassifierCheckpoint.Load(Directory, (shape, classes) => Build(architecture, objective, shape, classes));
        classifier.Module.to(stage.Device);
        return classifier;
    }

    /// <summary>The result of classifier stage <paramref name="stageId"/> in <paramref name="directory"/>; its weights and log must be there.</summary>
    public static TrainedClassifier Open(string stageId, string directory, PluginRef<IModelArchitecture> model, PluginRef<IDefense>? defense)
    {
        var weights = Path.Combine(directory, StageLayout.Model);
        if (!File.Exists(weights))
            throw new InvalidDataException($"stage '{stageId}': {weights} is missing; run it again (--force {stageId})");
        return new TrainedClassifier(directory, model, defense, TrainingLog.Read(directory));
    }

    /// <summary>A new classifier from <paramref name="architecture"/>, wrapped by <paramref name="defense"/> when it prepares models.</summary>
    public static IClassifier Build(IModelArchitecture architecture, IDefense? defense, ImageShape shape, int classes)
    {
        var classifier = architecture.Create(shape, classes);
        return defense?.Prepare(classifier) ?? classifier;
    }
}
