using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Metrics.Attack;

/// <summary>Maps reconstructions' target labels to the evaluation classifier's classes.</summary>
public static class EvaluatorPass
{
    /// <summary>The evaluator class of each reconstruction's target label [N] int64, via the context's mapping.</summary>
    public static long[] EvaluatorClasses(MetricContext context, long[] targetLabels)
    {
        var map = context.EvaluatorClassOfTarget!;
        return targetLabels.Select(c => c >= 0 && c < map.Count
            ? (long)map[(int)c]
            : throw new ArgumentException($"reconstruction class {c} has no evaluator class (the mapping covers {map.Count} target labels)")).ToArray();
    }
}
