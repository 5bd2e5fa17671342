using MIForge.Host.Runs;

namespace MIForge.Host.Stages;

/// <summary>Expands a manifest point into stages, inputs first: data → evaluator / targets / prior
/// → attacks → metrics → OOD → report. The plan is immutable: the runner keeps what it learns
/// (hashes, folders) in its own records.</summary>
public static class StagePlan
{
    public static IReadOnlyList<Stage> Build(PlanSource plan)
    {
        var m = plan.Manifest;
        var stages = new List<Stage>();
        var data = new DataStage(plan) { ManifestKey = "data" };
        stages.Add(data);
        var evaluator = m.Evaluator is null ? null : ClassifierStage.Evaluator(plan, m.Evaluator, data, "evaluator");
        if (evaluator is not null) stages.Add(evaluator);
        var targets = m.Targets.Select((t, i) => ClassifierStage.Target(plan, t, data, $"targets[{i}]")).ToArray();
        stages.AddRange(targets);

        var priors = new PriorStages(plan, data, stages);
        if (m.Prior is { } prior) foreach (var t in targets) priors.For(prior, t, "prior");

        var attacks = new List<AttackStage>();
        for (var i = 0; i < m.Attacks.Count; i++)
        {
            var a = m.Attacks[i];
            foreach (var t in targets.Where(t => a.Targets is null || a.Targets.Contains(t.TargetId!, StringComparer.OrdinalIgnoreCase)))
                attacks.Add(new AttackStage(plan, a, t, (a.Prior ?? m.Prior) is { } p ? priors.For(p, t, a.Prior is null ? "prior" : $"attacks[{i}].prior") : null, data) { ManifestKey = $"attacks[{i}]" });
        }
        stages.AddRange(attacks);

        var reported = new List<Stage<IReadOnlyList<MetricRow>>>();
        foreach (var t in targets)
        {
            reported.Add(new MetricsStage(plan, t, null, evaluator, data) { ManifestKey = "metrics" });
            reported.AddRange(attacks.Where(a => a.Target == t).Select(a => new MetricsStage(plan, t, a, evaluator, data) { ManifestKey = "metrics" }));
        }
        if (m.Ood is not null) reported.AddRange(targets.Select(t => new OodStage(plan, t, data) { ManifestKey = "ood" }));
        stages.AddRange(reported);
        stages.Add(new ReportStage(plan, reported));
        return stages;
    }
}
