using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Priors.Training;

/// <summary>An endless stream of minibatches drawn without replacement from a fixed image tensor,
/// reshuffled each pass with a managed RNG (so a seeded run draws the same batches).</summary>
public sealed class ShuffledBatches
{
    private readonly Tensor images;
    private readonly int batchSize;
    private readonly Random random;
    private readonly Device device;
    private int[] order = [];
    private int next;

    /// <summary>Batches of <paramref name="batchSize"/> rows of <paramref name="images"/> [N,...] (not owned), moved to <paramref name="device"/>.</summary>
    public ShuffledBatches(Tensor images, int batchSize, Random random, Device device)
    {
        if (images.shape[0] == 0) throw new ArgumentException("cannot train a prior on an empty image set");
        (this.images, this.random, this.device) = (images, random, device);
        this.batchSize = (int)Math.Min(batchSize, images.shape[0]);
    }

    /// <summary>Full batches in one pass over the data (the last partial batch is dropped).</summary>
    public long BatchesPerPass => images.shape[0] / batchSize;

    /// <summary>The next batch [B,...]; the caller owns it.</summary>
    public Tensor Next()
    {
        if (order.Length - next < batchSize)
        {
            order = Enumerable.Range(0, (int)images.shape[0]).ToArray();
            random.Shuffle(order);
            next = 0;
        }
        using var index = tensor(order.AsSpan(next, batchSize).ToArray().Select(i => (long)i).ToArray());
        next += batchSize;
        using var rows = images.index_select(0, index);
        return rows.to(device);
    }
}
