using MIForge.Abstractions;
using MIForge.Numerics;
using MIForge.Numerics.Imaging;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Host.Stages;

/// <summary>
/// pairs.png of an attack: one row per class, each reconstruction followed by the private training
/// image of the same class nearest to it in the evaluator's feature space (the KNN-distance
/// neighbour), so a reader sees what was recovered next to what it resembles.
/// </summary>
internal static class NearestPrivatePairs
{
    /// <summary>Private images per class searched (a seeded-order prefix keeps large sets cheap).</summary>
    public const int PerClassLimit = 2000;

    public static byte[] Png(IClassifier evaluator, ImageSet privateTrain, Reconstructions r, int perRow = 8)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var classes = r.Classes.cpu().data<long>().ToArray();
        var labels = privateTrain.Labels.cpu().data<long>().ToArray();
        var tiles = new List<torch.Tensor>();
        var rows = new List<long>();
        foreach (var c in classes.Distinct().Order())
        {
            var mine = Enumerable.Range(0, classes.Length).Where(i => classes[i] == c).Take(perRow / 2).Select(i => (long)i).ToArray();
            var pool = Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).Take(PerClassLimit).Select(i => (long)i).ToArray();
            if (mine.Length == 0 || pool.Length == 0) continue;
            var recon = r.Images.index_select(0, torch.tensor(mine)).cpu();
            var candidates = privateTrain.Images.index_select(0, torch.tensor(pool));
            var nearest = PairwiseDistance.SquaredEuclidean(Features(evaluator, recon), Features(evaluator, candidates)).argmin(1).cpu();
            var matched = candidates.index_select(0, nearest);
            for (var k = 0; k < mine.Length; k++)
            {
                tiles.Add(recon[k]);
                tiles.Add(matched[k]);
                rows.Add(c);
                rows.Add(c);
            }
        }
        return tiles.Count == 0 ? Array.Empty<byte>() : ImageGrid.ToPng(torch.stack(tiles.ToArray()), rows.ToArray());
    }

    private static torch.Tensor Features(IClassifier model, torch.Tensor images)
    {
        var (logits, features) = ChunkedForward.Run(model, images);
        logits.Dispose();
        return features;
    }
}
