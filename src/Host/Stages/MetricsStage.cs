using MIForge.Abstractions;
using MIForge.Host.Runs;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Stages;

/// <summary>Computes the manifest's metrics for one target (metrics not needing reconstructions)
/// or for one attack on it (metrics needing reconstructions, also per round of multi-round
/// attacks); writes rows.json, and for attacks pairs.png (reconstruction beside its nearest
/// private image in evaluator feature space).</summary>
public sealed class MetricsStage(PlanSource plan, ClassifierStage target, AttackStage? attack, ClassifierStage? evaluator, DataStage data)
    : Stage<IReadOnlyList<MetricRow>>(plan, attack is null ? $"metrics.{target.TargetId}" : $"metrics.{target.TargetId}.{attack.AttackId}", "metrics",
        new JObject { ["metrics"] = new JArray(plan.Manifest.Metrics.Select(m => plan.Writer.WriteRef(m))) },
        new Stage?[] { data, target, attack, evaluator }.OfType<Stage>().ToArray())
{
    private readonly IReadOnlyList<PluginRef<IMetric>> metrics = plan.Manifest.Metrics.ToArray();

    public override void Execute(StageContext stage)
    {
        var all = stage.Inputs.Of(data);
        var trained = stage.Inputs.Of(target);
        var attacked = attack is null ? null : stage.Inputs.Of(attack);
        using var targetModel = trained.Load(stage);
        using var evaluatorModel = evaluator is null ? null : stage.Inputs.Of(evaluator).Load(stage);
        using var reconstructions = attacked?.LoadFinal();
        var context = new MetricContext
        {
            Target = targetModel,
            Evaluator = evaluatorModel,
            EvaluatorClassOfTarget = evaluatorModel is null ? null : all.PrivateClasses,
            PrivateData = all.PrivateTrain,
            TestData = all.PrivateTest,
            Reconstructions = reconstructions,
        };
        var rows = new List<MetricRow>();
        if (attack is null) rows.Add(new MetricRow(target.TargetId, null, null, null, "host", "test_acc", trained.TestAccuracy));
        rows.AddRange(MetricRows.Compute(metrics, stage, context, target.TargetId, attack?.AttackId, null, null,
            needs => needs.HasFlag(MetricInputs.Reconstructions) == (attack is not null) && !needs.HasFlag(MetricInputs.OodScores)));
        foreach (var (round, path) in attacked?.Rounds ?? [])
        {
            using var roundReconstructions = AttackResult.Load(path);
            rows.AddRange(MetricRows.Compute(metrics, stage, context with { Reconstructions = roundReconstructions }, target.TargetId, $"{attack!.AttackId}@round-{round}", null, null,
                needs => needs.HasFlag(MetricInputs.Reconstructions) && !needs.HasFlag(MetricInputs.OodScores)));
        }
        MetricRows.Write(stage.Directory, rows);
        if (evaluatorModel is not null && reconstructions is not null)
        {
            var png = NearestPrivatePairs.Png(evaluatorModel, all.PrivateTrain, reconstructions);
            if (png.Length > 0) AtomicFile.WriteAllBytes(Path.Combine(stage.Directory, StageLayout.Pairs), png);
        }
    }

    public override IReadOnlyList<MetricRow> Open(StageResult result) => MetricRows.Read(FolderOf(result));
}
