using MIForge.Abstractions;
using MIForge.Host.Runs;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Stages;

/// <summary>Trains the prior on the public classes (and the target, for target-aware priors);
/// writes prior/ (the plugin's files) and prior.json naming plugin and options.</summary>
public sealed class PriorStage(Experiment experiment, string id, PluginRef<IPrior> prior, Stage data, ClassifierStage? target)
    : Stage(id, "prior", new JObject { ["prior"] = experiment.Writer.WriteRef(prior), ["seed"] = experiment.Manifest.Seed },
        target is null ? [data] : [data, target], experiment.Describe(prior))
{
    public override void Execute(StageContext stage)
    {
        var directory = stage.Directory;
        using var services = experiment.ServicesFor(Id, stage);
        using var model = experiment.Create(prior, services);
        using var targetModel = target?.Load(new StageServicesScope(Id, directory, services));
        model.Train(new PriorTraining(experiment.Data.Public, targetModel));
        var folder = Path.Combine(directory, StageLayout.PriorFolder);
        System.IO.Directory.CreateDirectory(folder);
        model.Save(folder);
        AtomicFile.WriteJson(Path.Combine(directory, StageLayout.PriorFacts), new JObject { ["stage"] = Id, ["prior"] = experiment.Writer.WriteRef(prior) });
    }

    /// <summary>The trained prior from this stage's folder; the caller owns it.</summary>
    public IPrior Load(StageServicesScope scope)
    {
        var model = experiment.Create(prior, scope.Services);
        model.Load(Path.Combine(Directory!, StageLayout.PriorFolder));
        return model;
    }
}
