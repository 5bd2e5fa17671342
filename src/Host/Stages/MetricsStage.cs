using MIForge.Abstractions;
using MIForge.Host.Runs;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Stages;

/// <summary>Computes the manifest's metrics for one target (metrics not needing reconstructions)
/// or for one attack on it (metrics needing reconstructions, also per round of multi-round
/// attacks); writes rows.json, and for attacks pairs.png (reconstruction beside its nearest
/// private image in evaluator feature space).</summary>
public sealed class MetricsStage(Experiment e, ClassifierStage target, AttackStage? attack, ClassifierStage? evaluator, Stage data)
    : Stage(attack is null ? $"metrics.{target.TargetId}" : $"metrics.{target.TargetId}.{attack.AttackId}", "metrics",
        new JObject { ["metrics"] = new JArray(e.Manifest.Metrics.Select(m => e.Writer.WriteRef(m))) },
        new Stage?[] { data, target, attack, evaluator }.OfType<Stage>().ToArray())
{
    public override void Execute(StageContext stage)
    {
        var directory = stage.Directory;
        using var services = e.ServicesFor(Id, stage);
        var scope = new StageServicesScope(Id, directory, services);
        using var targetModel = target.Load(scope);
        using var evaluatorModel = evaluator?.Load(scope);
        using var reconstructions = attack?.Load();
        var context = new MetricContext
        {
            Target = targetModel,
            Evaluator = evaluatorModel,
            EvaluatorClassOfTarget = evaluatorModel is null ? null : e.Data.PrivateClasses,
            PrivateData = e.Data.PrivateTrain,
            TestData = e.Data.PrivateTest,
            Reconstructions = reconstructions,
        };
        var rows = new List<MetricRow>();
        if (attack is null) rows.Add(new MetricRow(target.TargetId, null, null, null, "host", "test_acc", target.TestAccuracy));
        rows.AddRange(MetricRows.Compute(e, scope.Services, context, target.TargetId, attack?.AttackId, null, null,
            needs => needs.HasFlag(MetricInputs.Reconstructions) == (attack is not null) && !needs.HasFlag(MetricInputs.OodScores)));
        foreach (var (round, path) in attack?.RoundFiles() ?? [])
        {
            using var roundReconstructions = AttackStage.Load(path);
            rows.AddRange(MetricRows.Compute(e, scope.Services, context with { Reconstructions = roundReconstructions }, target.TargetId, $"{attack!.AttackId}@round-{round}", null, null,
                needs => needs.HasFlag(MetricInputs.Reconstructions) && !needs.HasFlag(MetricInputs.OodScores)));
        }
        MetricRows.Write(directory, rows);
        if (evaluatorModel is not null && reconstructions is not null)
        {
            var png = NearestPrivatePairs.Png(evaluatorModel, e.Data.PrivateTrain, reconstructions);
            if (png.Length > 0) AtomicFile.WriteAllBytes(Path.Combine(directory, StageLayout.Pairs), png);
        }
    }
}
