using MIForge.Numerics;
using MIForge.Numerics.Statistics;
using System.Globalization;
using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Metrics.Attack;

/// <summary>Attack accuracy: the fraction of reconstructions the evaluation classifier puts in their
/// class (top-1), or among its five highest scores (top-5; top-k with k = evaluator classes when it has
/// fewer than five). Keys acc_top1, acc_top5, and acc_top1_class_&lt;label&gt;, acc_top5_class_&lt;label&gt;
/// per target label; top1_outside_private is the fraction the evaluator puts in a class that is no
/// target label at all (e.g. a public class: a reconstruction that drifted to a public lookalike);
/// acc_top1_ci95_low / acc_top1_ci95_high bound the top-1 rate (Wilson 95% interval) so two attacks'
/// accuracies can be told apart from sampling noise.</summary>
[Plugin("attack-accuracy", "top-1/top-5 accuracy of the evaluation classifier on reconstructions, overall and per class, and the share it puts in no target class (top1_outside_private)")]
public sealed class AttackAccuracy : IMetric
{
    /// <inheritdoc/>
    public MetricInputs Requires => MetricInputs.Evaluator | MetricInputs.Reconstructions;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> Compute(MetricContext context)
    {
        var reconstructions = context.Reconstructions!;
        var labels = reconstructions.Classes.data<long>().ToArray();
        var wanted = EvaluatorPass.EvaluatorClasses(context, labels);
        var (logits, features) = ChunkedForward.Run(context.Evaluator!, reconstructions.Images);
        using var _l = logits;
        using var _f = features;
        var k = (int)Math.Min(5, logits.shape[1]);
        using var scope = NewDisposeScope();
        var top = logits.topk(k, 1).indexes.data<long>().ToArray();
        var privateClasses = context.EvaluatorClassOfTarget!.Select(c => (long)c).ToHashSet();
        var hit1 = new bool[labels.Length];
        var hit5 = new bool[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            hit1[i] = top[i * k] == wanted[i];
            for (var j = 0; j < k; j++) hit5[i] |= top[i * k + j] == wanted[i];
        }
        var (low, high) = WilsonInterval.Of(hit1.Count(h => h), hit1.Length);
        var result = new Dictionary<string, double>
        {
            ["acc_top1"] = hit1.Average(h => h ? 1.0 : 0.0),
            ["acc_top1_ci95_low"] = low,
            ["acc_top1_ci95_high"] = high,
            ["acc_top5"] = hit5.Average(h => h ? 1.0 : 0.0),
            ["top1_outside_private"] = Enumerable.Range(0, labels.Length).Average(i => privateClasses.Contains(top[i * k]) ? 0.0 : 1.0),
        };
        foreach (var group in Enumerable.Range(0, labels.Length).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var c = group.Key.ToString(CultureInfo.InvariantCulture);
            result[$"acc_top1_class_{c}"] = group.Average(i => hit1[i] ? 1.0 : 0.0);
            result[$"acc_top5_class_{c}"] = group.Average(i => hit5[i] ? 1.0 : 0.0);
        }
        return result;
    }
}
