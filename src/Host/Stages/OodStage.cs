using MIForge.Abstractions;
using MIForge.Host.Runs;
using TorchSharp;
using MIForge.Numerics.Serialization;
using Newtonsoft.Json.Linq;
using static TorchSharp.torch;

namespace MIForge.Host.Stages;

/// <summary>Fits every OOD scorer on a target's private training data, scores the private test
/// images (in-distribution) and each OOD test set, computes OOD metrics per scorer and set;
/// writes scores.&lt;scorer&gt;.&lt;set&gt;.safetensors (in, out) and rows.json.</summary>
public sealed class OodStage(Experiment e, ClassifierStage target, Stage data)
    : Stage($"ood.{target.TargetId}", "ood", new JObject
    {
        ["sets"] = new JArray(e.Manifest.Ood!.Sets.Select(s => e.Writer.Write(s))),
        ["scorers"] = new JArray(e.Manifest.Ood!.Scorers.Select(s => e.Writer.WriteRef(s))),
        ["metrics"] = new JArray(e.Manifest.Metrics.Select(m => e.Writer.WriteRef(m))),
    }, [data, target])
{
    public override void Execute(StageContext stage)
    {
        var (directory, cancellation) = (stage.Directory, stage.Cancellation);
        using var services = e.ServicesFor(Id, stage);
        var scope = new StageServicesScope(Id, directory, services);
        using var model = target.Load(scope);
        var rows = new List<MetricRow>();
        foreach (var reference in e.Manifest.Ood!.Scorers)
        {
            cancellation.ThrowIfCancellationRequested();
            var scorer = e.Create(reference, services);
            scorer.Fit(model, e.Data.PrivateTrain);
            using var inside = Score(scorer, model, e.Data.PrivateTest);
            foreach (var set in e.Manifest.Ood!.Sets)
            {
                cancellation.ThrowIfCancellationRequested();
                using var scores = new OodScores(inside.alias(), Score(scorer, model, e.Data.OodTest(set)));
                SafeTensors.Save(Path.Combine(directory, $"scores.{reference.Name}.{set.Name}.safetensors"),
                    new Dictionary<string, torch.Tensor> { ["in"] = scores.InDistribution, ["out"] = scores.OutOfDistribution });
                var context = new MetricContext { Target = model, OodScores = scores };
                rows.AddRange(MetricRows.Compute(e, services, context, target.TargetId, null, reference.Name, set.Name, needs => needs.HasFlag(MetricInputs.OodScores)));
            }
        }
        MetricRows.Write(directory, rows);
    }

    private torch.Tensor Score(IOodScorer scorer, IClassifier model, ImageSet images, int batch = 256)
    {
        var parts = new List<torch.Tensor>();
        for (long start = 0; start < images.Count; start += batch)
        {
            using var scope = torch.NewDisposeScope();
            var x = images.Images.narrow(0, start, Math.Min(batch, images.Count - start)).to(e.Device);
            parts.Add(scorer.Score(model, x).detach().cpu().to(ScalarType.Float32).MoveToOuterDisposeScope());
        }
        var all = torch.cat(parts.ToArray(), 0).DetachFromDisposeScope();
        foreach (var p in parts) p.Dispose();
        return all;
    }
}
