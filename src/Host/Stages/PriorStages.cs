using MIForge.Abstractions;
using Newtonsoft.Json;

namespace MIForge.Host.Stages;

/// <summary>One prior stage per distinct prior configuration: shared by all targets, or one per
/// target when the prior trains against the target (KED-MI). Ids: "prior" / "prior.&lt;target&gt;"
/// for the first configuration, then "prior.&lt;name&gt;[.&lt;target&gt;]".</summary>
internal sealed class PriorStages(PlanSource plan, DataStage data, List<Stage> stages)
{
    private readonly Dictionary<(string config, string? target), PriorStage> made = new();
    private readonly Dictionary<string, string> idOf = new();

    /// <summary>The stage training this prior for this target (created on first request, labelled with the manifest key that first asked).</summary>
    public PriorStage For(PluginRef<IPrior> prior, ClassifierStage target, string manifestKey)
    {
        var config = plan.Writer.WriteRef(prior).ToString(Formatting.None);
        var perTarget = UsesTarget(prior);
        var key = (config, perTarget ? target.TargetId : null);
        if (made.TryGetValue(key, out var stage)) return stage;
        if (!idOf.TryGetValue(config, out var id))
        {
            id = idOf.Count == 0 ? "prior" : $"prior.{prior.Name}";
            for (var n = 2; idOf.ContainsValue(id); n++) id = $"prior.{prior.Name}{n}";
            idOf[config] = id;
        }
        stage = new PriorStage(plan, perTarget ? $"{id}.{target.TargetId}" : id, prior, data, perTarget ? target : null) { ManifestKey = manifestKey };
        made[key] = stage;
        stages.Add(stage);
        return stage;
    }

    /// <summary>Whether the prior trains against the target: read from its type (<see cref="ITargetAwarePrior"/>), creating nothing.</summary>
    private bool UsesTarget(PluginRef<IPrior> prior) =>
        typeof(ITargetAwarePrior).IsAssignableFrom(plan.Catalog.Get(Plugins.PluginKind.Prior, prior.Name).Type);
}
