using System.Collections;
using System.Collections.Concurrent;
using MIForge.Abstractions;
using MIForge.Numerics.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Numerics.Loading;

/// <summary>Iterates an <see cref="ImageSet"/> in batches, one epoch per enumeration. A background thread gathers (and
/// transforms) the next <paramref name="prefetch"/> batches while the caller works on the current one. Epoch e of seed s always
/// yields the same batches. The caller disposes each batch; the set must outlive the loader.</summary>
public sealed class BatchLoader(ImageSet set, IBatchSampler sampler, int seed, IImageTransform? transform = null, int prefetch = 2, Device? device = null)
    : IEnumerable<Batch>
{
    private readonly long[] _labels = set.Labels.data<long>().ToArray();
    private int _epoch;

    /// <summary>Epochs started so far.</summary>
    public int Epoch => _epoch;

    /// <summary>Batches of the next epoch.</summary>
    public IEnumerator<Batch> GetEnumerator() => Run(Interlocked.Increment(ref _epoch) - 1);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerator<Batch> Run(int epoch)
    {
        var random = new Random(unchecked(seed * 7919 + epoch));
        var plan = sampler.Batches(_labels, random);
        if (prefetch <= 0)
        {
            foreach (var indices in plan) yield return Gather(indices, random);
            yield break;
        }
        using var queue = new BlockingCollection<Batch>(prefetch);
        using var stop = new CancellationTokenSource();
        Exception? failure = null;
        var producer = new Thread(() =>
        {
            try
            {
                foreach (var indices in plan)
                {
                    var batch = Gather(indices, random);
                    try { queue.Add(batch, stop.Token); }
                    catch (OperationCanceledException) { batch.Dispose(); return; }
                }
            }
            catch (Exception e) { failure = e; }
            finally { queue.CompleteAdding(); }
        }) { IsBackground = true, Name = "MIForge batch prefetch" };
        producer.Start();
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable()) yield return batch;
            if (failure is not null) throw new InvalidOperationException($"loading a batch failed: {failure.Message}", failure);
        }
        finally
        {
            stop.Cancel();
            producer.Join();
            while (queue.TryTake(out var left)) left.Dispose();
        }
    }

    private Batch Gather(int[] indices, Random random)
    {
        using var scope = torch.NewDisposeScope();
        var index = torch.tensor(indices.Select(i => (long)i).ToArray());
        var images = set.Images.index_select(0, index);
        var labels = set.Labels.index_select(0, index);
        if (transform is not null) images = transform.Apply(images, random);
        if (device is Device d) { images = images.to(d); labels = labels.to(d); }
        return new Batch(scope.MoveToOuter(images), scope.MoveToOuter(labels), indices);
    }
}
