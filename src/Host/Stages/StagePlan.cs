using MIForge.Abstractions;
using MIForge.Host.Services;

namespace MIForge.Host.Stages;

/// <summary>Expands a manifest point into stages, inputs first: data → evaluator / targets / prior
/// → attacks → metrics → OOD → report.</summary>
public static class StagePlan
{
    public static IReadOnlyList<Stage> Build(Experiment e)
    {
        var m = e.Manifest;
        var stages = new List<Stage>();
        var data = new DataStage(e, DataConfig(e)) { ManifestKey = "data" };
        stages.Add(data);
        var evaluator = m.Evaluator is null ? null : ClassifierStage.Evaluator(e, m.Evaluator, data, "evaluator");
        if (evaluator is not null) stages.Add(evaluator);
        var targets = m.Targets.Select((t, i) => ClassifierStage.Target(e, t, data, $"targets[{i}]")).ToArray();
        stages.AddRange(targets);

        var priors = new PriorStages(e, data, stages);
        if (m.Prior is { } prior) foreach (var t in targets) priors.For(prior, t, "prior");

        var attacks = new List<AttackStage>();
        for (var i = 0; i < m.Attacks.Count; i++)
        {
            var a = m.Attacks[i];
            foreach (var t in targets.Where(t => a.Targets is null || a.Targets.Contains(t.TargetId!, StringComparer.OrdinalIgnoreCase)))
                attacks.Add(new AttackStage(e, a, t, (a.Prior ?? m.Prior) is { } p ? priors.For(p, t, a.Prior is null ? "prior" : $"attacks[{i}].prior") : null, data) { ManifestKey = $"attacks[{i}]" });
        }
        stages.AddRange(attacks);

        var reported = new List<Stage>();
        foreach (var t in targets)
        {
            reported.Add(new MetricsStage(e, t, null, evaluator, data) { ManifestKey = "metrics" });
            reported.AddRange(attacks.Where(a => a.Target == t).Select(a => new MetricsStage(e, t, a, evaluator, data) { ManifestKey = "metrics" }));
        }
        if (m.Ood is not null) reported.AddRange(targets.Select(t => new OodStage(e, t, data) { ManifestKey = "ood" }));
        stages.AddRange(reported);
        stages.Add(new ReportStage(e, reported));
        foreach (var stage in stages) stage.Code = Plugins.CodeIdentity.Of(e.Catalog, stage.Config);
        return stages;
    }


    /// <summary>What the private, public and evaluator views depend on: the data section without
    /// the auxiliary set (defended targets carry that in their own configuration).</summary>
    private static Newtonsoft.Json.Linq.JToken DataConfig(Experiment e)
    {
        var config = e.Writer.Write(e.Manifest.Data);
        if (config is Newtonsoft.Json.Linq.JObject o) o.Remove("auxiliary");
        return config;
    }
}
