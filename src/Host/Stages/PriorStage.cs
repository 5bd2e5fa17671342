using MIForge.Abstractions;
using MIForge.Host.Runs;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Stages;

/// <summary>Trains the prior on the public classes (and the target, for target-aware priors);
/// writes prior/ (the plugin's files) and prior.json naming plugin and options.</summary>
public sealed class PriorStage(PlanSource plan, string id, PluginRef<IPrior> prior, DataStage data, ClassifierStage? target)
    : Stage<TrainedPrior>(plan, id, "prior", new JObject { ["prior"] = plan.Writer.WriteRef(prior), ["seed"] = plan.Manifest.Seed },
        target is null ? [data] : [data, target], plan.Describe(prior))
{
    public override void Execute(StageContext stage)
    {
        using var model = stage.Create(prior);
        using var targetModel = target is null ? null : stage.Inputs.Of(target).Load(stage);
        model.Train(new PriorTraining(stage.Inputs.Of(data).Public, targetModel));
        var folder = Path.Combine(stage.Directory, StageLayout.PriorFolder);
        Directory.CreateDirectory(folder);
        model.Save(folder);
        AtomicFile.WriteJson(Path.Combine(stage.Directory, StageLayout.PriorFacts), new JObject { ["stage"] = Id, ["prior"] = Config["prior"]!.DeepClone() });
    }

    public override TrainedPrior Open(StageResult result) => TrainedPrior.Open(Id, FolderOf(result), prior);
}
