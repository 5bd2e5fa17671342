using MIForge.Abstractions;
using MIForge.Numerics.Loading;
using MIForge.Numerics.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Numerics.Tests.Loading;

public class BatchLoaderTests
{
    private static ImageSet Set(int n = 50, int classes = 5)
    {
        var images = torch.arange(0, n, 1, ScalarType.Float32).reshape(n, 1, 1, 1).div(n);
        var labels = torch.tensor(Enumerable.Range(0, n).Select(i => (long)(i % classes)).ToArray());
        return new ImageSet(images, labels, classes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Sequential_epoch_covers_every_image_once_and_repeats_by_seed(int prefetch)
    {
        using var set = Set();
        var loader = new BatchLoader(set, new SequentialBatches(16), seed: 4, prefetch: prefetch);
        var epoch0 = Collect(loader);
        var epoch1 = Collect(loader);
        Assert.Equal(new[] { 16, 16, 16, 2 }, epoch0.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 50), epoch0.SelectMany(b => b).Order());
        Assert.NotEqual(epoch0.SelectMany(b => b), epoch1.SelectMany(b => b));
        Assert.Equal(epoch0.SelectMany(b => b), Collect(new BatchLoader(set, new SequentialBatches(16), seed: 4, prefetch: prefetch)).SelectMany(b => b));
    }

    [Fact]
    public void Batches_carry_the_images_and_labels_of_their_indices()
    {
        using var set = Set();
        foreach (var batch in new BatchLoader(set, new SequentialBatches(7, dropLast: true), seed: 1))
            using (batch)
            {
                Assert.Equal(batch.Indices.Select(i => (long)(i % 5)), batch.Labels.data<long>().ToArray());
                Assert.Equal(batch.Indices.Select(i => i / 50f), batch.Images.data<float>().ToArray());
            }
    }

    [Fact]
    public void Balanced_batches_hold_k_images_of_each_of_p_distinct_classes()
    {
        using var set = Set(n: 60, classes: 6);
        var batches = Collect(new BatchLoader(set, new BalancedBatches(3, 4), seed: 2));
        Assert.Equal(60 / 12, batches.Count);
        foreach (var b in batches)
        {
            var groups = b.GroupBy(i => i % 6).ToArray();
            Assert.Equal(3, groups.Length);
            Assert.All(groups, g => Assert.Equal(4, g.Count()));
            Assert.Equal(12, b.Distinct().Count());
        }
    }

    [Fact]
    public void Transforms_run_on_the_prefetch_thread()
    {
        using var set = Set();
        foreach (var batch in new BatchLoader(set, new SequentialBatches(10), seed: 1, transform: new Pad(1)))
            using (batch) Assert.Equal(new long[] { 10, 1, 3, 3 }, batch.Images.shape);
    }

    [Fact]
    public void Leaving_an_epoch_early_stops_the_producer()
    {
        using var set = Set(n: 500);
        var loader = new BatchLoader(set, new SequentialBatches(5), seed: 1, prefetch: 3);
        foreach (var batch in loader) { batch.Dispose(); break; }
        Assert.Equal(5, Collect(loader)[0].Length);
    }

    [Fact]
    public void A_failing_batch_surfaces_to_the_caller()
    {
        using var set = Set(n: 10, classes: 2);
        var loader = new BatchLoader(set, new BalancedBatches(3, 1), seed: 1);
        var e = Assert.Throws<InvalidOperationException>(() => Collect(loader));
        Assert.Contains("balanced batches need 3 classes per batch, the set has 2", e.Message);
    }

    private static List<int[]> Collect(BatchLoader loader)
    {
        var result = new List<int[]>();
        foreach (var batch in loader) using (batch) result.Add(batch.Indices);
        return result;
    }
}
