using MIForge.Abstractions;
using MIForge.Host.Manifests;
using MIForge.Host.Runs;
using TorchSharp;
using MIForge.Numerics.Serialization;
using Newtonsoft.Json.Linq;
using static TorchSharp.torch;

namespace MIForge.Host.Stages;

/// <summary>Fits every OOD scorer on a target's private training data, scores the private test
/// images (in-distribution) and each OOD test set, computes OOD metrics per scorer and set;
/// writes scores.&lt;scorer&gt;.&lt;set&gt;.safetensors (in, out) and rows.json.</summary>
public sealed class OodStage(PlanSource plan, ClassifierStage target, DataStage data)
    : Stage<IReadOnlyList<MetricRow>>(plan, $"ood.{target.TargetId}", "ood", new JObject
    {
        ["sets"] = new JArray(plan.Manifest.Ood!.Sets.Select(s => plan.Writer.Write(s))),
        ["scorers"] = new JArray(plan.Manifest.Ood!.Scorers.Select(s => plan.Writer.WriteRef(s))),
        ["metrics"] = new JArray(plan.Manifest.Metrics.Select(m => plan.Writer.WriteRef(m))),
    }, [data, target])
{
    private readonly IReadOnlyList<OodSetSpec> sets = plan.Manifest.Ood!.Sets.ToArray();
    private readonly IReadOnlyList<PluginRef<IOodScorer>> scorers = plan.Manifest.Ood!.Scorers.ToArray();
    private readonly IReadOnlyList<PluginRef<IMetric>> metrics = plan.Manifest.Metrics.ToArray();

    public override void Execute(StageContext stage)
    {
        var all = stage.Inputs.Of(data);
        using var model = stage.Inputs.Of(target).Load(stage);
        var rows = new List<MetricRow>();
        foreach (var reference in scorers)
        {
            stage.Cancellation.ThrowIfCancellationRequested();
            var scorer = stage.Create(reference);
            scorer.Fit(model, all.PrivateTrain);
            using var inside = Score(scorer, model, all.PrivateTest, stage.Device);
            foreach (var set in sets)
            {
                stage.Cancellation.ThrowIfCancellationRequested();
                using var scores = new OodScores(inside.alias(), Score(scorer, model, all.OodTest(set), stage.Device));
                SafeTensors.Save(Path.Combine(stage.Directory, StageLayout.OodScores(reference.Name, set.Name)),
                    new Dictionary<string, torch.Tensor> { ["in"] = scores.InDistribution, ["out"] = scores.OutOfDistribution });
                var context = new MetricContext { Target = model, OodScores = scores };
                rows.AddRange(MetricRows.Compute(metrics, stage, context, target.TargetId, null, reference.Name, set.Name, needs => needs.HasFlag(MetricInputs.OodScores)));
            }
        }
        MetricRows.Write(stage.Directory, rows);
    }

    public override IReadOnlyList<MetricRow> Open(StageResult result) => MetricRows.Read(FolderOf(result));

    private static torch.Tensor Score(IOodScorer scorer, IClassifier model, ImageSet images, Device device, int batch = 256)
    {
        var parts = new List<torch.Tensor>();
        for (long start = 0; start < images.Count; start += batch)
        {
            using var scope = torch.NewDisposeScope();
            var x = images.Images.narrow(0, start, Math.Min(batch, images.Count - start)).to(device);
            parts.Add(scorer.Score(model, x).detach().cpu().to(ScalarType.Float32).MoveToOuterDisposeScope());
        }
        var all = torch.cat(parts.ToArray(), 0).DetachFromDisposeScope();
        foreach (var p in parts) p.Dispose();
        return all;
    }
}
