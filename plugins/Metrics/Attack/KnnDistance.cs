using System.Globalization;
using MIForge.Abstractions;
using MIForge.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Metrics.Attack;

/// <summary>KNN distance: for each reconstruction, the smallest squared L2 distance in evaluator feature
/// space to a private training image of the same class, averaged (knn_dist) and per target label
/// (knn_dist_class_&lt;label&gt;). Lower means closer to the private data.</summary>
[Plugin("knn-distance", "mean min squared L2 in evaluator feature space from each reconstruction to private images of its class")]
public sealed class KnnDistance : IMetric
{
    /// <inheritdoc/>
    public MetricInputs Requires => MetricInputs.Evaluator | MetricInputs.PrivateData | MetricInputs.Reconstructions;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> Compute(MetricContext context)
    {
        var reconstructions = context.Reconstructions!;
        var privateData = context.PrivateData!;
        var labels = reconstructions.Classes.data<long>().ToArray();
        var privateLabels = privateData.Labels.data<long>().ToArray();
        var (_, recFeatures) = ChunkedForward.Run(context.Evaluator!, reconstructions.Images);
        var (privLogits, privFeatures) = ChunkedForward.Run(context.Evaluator!, privateData.Images);
        using var _r = recFeatures;
        using var _pl = privLogits;
        using var _p = privFeatures;
        var nearest = new double[labels.Length];
        var result = new Dictionary<string, double>();
        foreach (var group in Enumerable.Range(0, labels.Length).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var rows = group.ToArray();
            var same = Enumerable.Range(0, privateLabels.Length).Where(j => privateLabels[j] == group.Key).Select(j => (long)j).ToArray();
            if (same.Length == 0)
                throw new ArgumentException($"knn-distance: the private data has no image of class {group.Key}, which the attack reconstructed");
            using var scope = NewDisposeScope();
            var a = recFeatures.index_select(0, tensor(rows.Select(i => (long)i).ToArray(), device: recFeatures.device)).to(ScalarType.Float64);
            var b = privFeatures.index_select(0, tensor(same, device: privFeatures.device)).to(ScalarType.Float64);
            var min = PairwiseDistance.SquaredEuclidean(a, b).min(1).values.data<double>().ToArray();
            for (var r = 0; r < rows.Length; r++) nearest[rows[r]] = min[r];
            result[$"knn_dist_class_{group.Key.ToString(CultureInfo.InvariantCulture)}"] = min.Average();
        }
        result["knn_dist"] = nearest.Average();
        return result;
    }
}
