using MIForge.Host.Data;
using MIForge.Host.Manifests;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Stages;

/// <summary>The data: not stored (datasets are large and fast to read). The runner produces it, every
/// part the manifest names, before the first stage that runs and needs it, so no stage's result
/// depends on which stage came first; its failures are this stage's, naming the data plugin. Its
/// configuration (the data section without the auxiliary set, which defended targets carry in their own)
/// feeds every dependent hash.</summary>
public sealed class DataStage(PlanSource plan)
    : Stage<ExperimentData>(plan, "data", "data", ConfigOf(plan), [], Plugins(plan)), IProducedStage
{
    private readonly DataSpec spec = plan.Manifest.Data;
    private readonly IReadOnlyList<OodSetSpec> oodSets = plan.Manifest.Ood?.Sets ?? [];

    public override StageCaching Caching => StageCaching.OnDemand;

    /// <summary>Reads every dataset the manifest names, with the data stage's services (which the runner keeps for the run).</summary>
    public IDisposable Produce(StageContext context)
    {
        var data = new ExperimentData(spec, oodSets, r => context.Create(r));
        try
        {
            data.LoadAll();
            return data;
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>Produces the data and lets it go: the data stage has no folder to write.</summary>
    public override void Execute(StageContext context) => Produce(context).Dispose();

    public override ExperimentData Open(StageResult result) =>
        result.Value as ExperimentData ?? throw new InvalidOperationException("stage 'data' has not been loaded in this run");

    /// <summary>The code of the dataset plugin, and of the public dataset's when the manifest names one.</summary>
    private static string? Plugins(PlanSource plan)
    {
        var data = plan.Manifest.Data;
        if (data.Dataset is not { } d) return null;
        return plan.Describe(d) + (data.Public is { } p ? ", " + plan.Describe(p) : "");
    }

    private static JToken ConfigOf(PlanSource plan)
    {
        var config = plan.Writer.Write(plan.Manifest.Data);
        if (config is JObject o) o.Remove("auxiliary");
        return config;
    }
}
