using MIForge.Abstractions;
using MIForge.Numerics.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Attacks.Ppdg;

/// <summary>PPDG-MI's selection score: the target's softmax probability of each image's class,
/// averaged over random augmentations, so that only robustly classified reconstructions count as
/// pseudo-private. Uses the black-box probabilities (each augmented image is a query).</summary>
public sealed class PseudoPrivateScore(IImageTransform augmentation, int augmentations, int batchSize = 256)
{
    /// <summary>Scores [n] for images [n,C,H,W] meant to show <paramref name="classes"/> [n] (int64); no gradients.</summary>
    public Tensor Of(ITargetModel target, Tensor images, Tensor classes, Random random)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var n = images.shape[0];
        var parts = new List<Tensor>();
        for (long start = 0; start < n; start += batchSize)
        {
            var length = Math.Min(batchSize, n - start);
            var x = images.narrow(0, start, length);
            var c = classes.narrow(0, start, length).unsqueeze(1);
            var sum = zeros(new[] { length }, device: images.device);
            for (var i = 0; i < augmentations; i++)
            {
                using var inner = NewDisposeScope();
                var p = target.Probabilities(augmentation.Apply(x, random));
                sum.add_(p.gather(1, c.to(p.device)).squeeze(1).to(sum.device));
            }
            parts.Add(sum / augmentations);
        }
        return cat(parts.ToArray(), 0).MoveToOuterDisposeScope();
    }

    /// <summary>Row indices of the best <paramref name="k"/> scores of each class (ties by row), class by class in <paramref name="order"/>, in row order within a class (so keeping every row keeps the input's order).</summary>
    public static long[] TopPerClass(Tensor scores, Tensor classes, IEnumerable<int> order, int k)
    {
        using var s = scores.cpu();
        using var c = classes.cpu();
        var score = s.data<float>().ToArray();
        var label = c.data<long>().ToArray();
        return order.SelectMany(cls => Enumerable.Range(0, label.Length).Where(i => label[i] == cls)
            .OrderByDescending(i => score[i]).ThenBy(i => i).Take(k).Order().Select(i => (long)i)).ToArray();
    }
}
