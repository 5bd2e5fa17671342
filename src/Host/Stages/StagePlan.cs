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
        var data = new DataStage(e, DataConfig(e));
        stages.Add(data);
        var evaluator = m.Evaluator is null ? null : ClassifierStage.Evaluator(e, m.Evaluator, data);
        if (evaluator is not null) stages.Add(evaluator);
        var targets = m.Targets.Select(t => ClassifierStage.Target(e, t, data)).ToArray();
        stages.AddRange(targets);

        var priors = new PriorStages(e, data, stages);
        if (m.Prior is { } prior) foreach (var t in targets) priors.For(prior, t);

        var attacks = new List<AttackStage>();
        foreach (var a in m.Attacks)
            foreach (var t in targets.Where(t => a.Targets is null || a.Targets.Contains(t.TargetId!, StringComparer.OrdinalIgnoreCase)))
                attacks.Add(new AttackStage(e, a, t, (a.Prior ?? m.Prior) is { } p ? priors.For(p, t) : null, data));
        stages.AddRange(attacks);

        var reported = new List<Stage>();
        foreach (var t in targets)
        {
            reported.Add(new MetricsStage(e, t, null, evaluator, data));
            reported.AddRange(attacks.Where(a => a.Target == t).Select(a => new MetricsStage(e, t, a, evaluator, data)));
        }
        if (m.Ood is not null) reported.AddRange(targets.Select(t => new OodStage(e, t, data)));
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
