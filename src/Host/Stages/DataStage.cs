using MIForge.Abstractions;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Stages;

/// <summary>The data: not stored (datasets are large and fast to read). The runner loads it, every
/// part the manifest names, before the first stage that runs and needs it, so no stage's result
/// depends on which stage came first; its failures are this stage's, naming the data plugin. Its
/// configuration feeds every dependent hash.</summary>
public sealed class DataStage(Experiment e, JToken config)
    : Stage("data", "data", config, [], e.Manifest.Data.Dataset is { } d ? e.Describe(d) : null)
{
    public override StageCaching Caching => StageCaching.OnDemand;

    public override void Execute(StageContext context) => e.Data.LoadAll();
}
