using MIForge.Numerics.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Numerics.Tests.Augmentation;

public class TransformTests
{
    private static torch.Tensor Batch(int n = 4, int c = 3, int h = 8, int w = 8)
    {
        torch.manual_seed(1);
        return torch.rand(new long[] { n, c, h, w });
    }

    private static float Max(torch.Tensor t) { using var m = t.max(); return m.data<float>().ToArray()[0]; }
    private static float Min(torch.Tensor t) { using var m = t.min(); return m.data<float>().ToArray()[0]; }

    [Fact]
    public void Pad_turns_28_into_32_with_zero_borders()
    {
        using var x = torch.ones(2, 1, 28, 28);
        using var y = new Pad(2).Apply(x, new Random(0));
        Assert.Equal(new long[] { 2, 1, 32, 32 }, y.shape);
        using var sum = y.sum();
        Assert.Equal(2 * 28 * 28, sum.data<float>().ToArray()[0]);
    }

    [Fact]
    public void Resize_shrinks_by_area_and_grows_bilinearly()
    {
        using var x = torch.tensor(new float[] { 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0 }, 1, 1, 4, 4);
        using var small = Resize.To(x, 2, 2);
        Assert.All(small.data<float>().ToArray(), v => Assert.Equal(0.5f, v, 5));
        using var big = new Resize(32, 32).Apply(x, new Random(0));
        Assert.Equal(new long[] { 1, 1, 32, 32 }, big.shape);
        Assert.InRange(Min(big), 0f, 1f);
        Assert.InRange(Max(big), 0f, 1f);
    }

    [Fact]
    public void Normalize_per_channel()
    {
        using var x = torch.full(new long[] { 1, 2, 2, 2 }, 0.5);
        using var y = new Normalize([0.5, 0.25], [0.5, 0.25]).Apply(x, new Random(0));
        Assert.Equal(new[] { 0f, 0, 0, 0, 1, 1, 1, 1 }, y.data<float>().ToArray());
    }

    [Fact]
    public void Flip_with_probability_one_mirrors_every_image()
    {
        using var x = Batch();
        using var y = new RandomFlip(1).Apply(x, new Random(0));
        using var expected = x.flip(3);
        Assert.True(y.allclose(expected));
        using var none = new RandomFlip(0).Apply(x, new Random(0));
        Assert.True(none.allclose(x));
    }

    [Fact]
    public void Random_crop_is_seeded_and_keeps_size_with_padding()
    {
        using var x = Batch(n: 6);
        using var a = new RandomCrop(8, 8, padding: 2).Apply(x, new Random(5));
        using var b = new RandomCrop(8, 8, padding: 2).Apply(x, new Random(5));
        Assert.Equal(x.shape, a.shape);
        Assert.True(a.equal(b).all().item<bool>());
        using var same = new RandomCrop(8, 8).Apply(x, new Random(5));
        Assert.True(same.equal(x).all().item<bool>());
    }

    [Fact]
    public void Zero_rotation_is_identity_and_small_rotation_changes_little()
    {
        using var x = Batch();
        using var same = new RandomRotation(0).Apply(x, new Random(0));
        Assert.True(same.allclose(x, atol: 1e-5));
        using var turned = new RandomRotation(10).Apply(x, new Random(0));
        Assert.Equal(x.shape, turned.shape);
        Assert.False(turned.allclose(x, atol: 1e-3));
    }

    [Fact]
    public void Colour_jitter_stays_in_range_and_zero_jitter_is_identity()
    {
        using var x = Batch();
        using var same = new ColorJitter(0, 0, 0).Apply(x, new Random(0));
        Assert.True(same.allclose(x, atol: 1e-6));
        using var y = new ColorJitter(0.4, 0.4, 0.4).Apply(x, new Random(0));
        Assert.InRange(Min(y), 0f, 1f);
        Assert.InRange(Max(y), 0f, 1f);
        Assert.False(y.allclose(x));
    }

    [Fact]
    public void Channel_count_gray_to_rgb_and_back()
    {
        using var gray = torch.rand(new long[] { 2, 1, 4, 4 });
        using var rgb = ChannelCount.To(gray, 3);
        Assert.Equal(new long[] { 2, 3, 4, 4 }, rgb.shape);
        using var back = ChannelCount.To(rgb, 1);
        Assert.True(back.allclose(gray, atol: 1e-5));
    }

    [Fact]
    public void Compose_applies_in_order_and_leaves_the_input_alone()
    {
        using var x = torch.ones(1, 1, 28, 28);
        using var y = new Compose(new Pad(2), new Normalize([0.5], [0.5])).Apply(x, new Random(0));
        Assert.Equal(new long[] { 1, 1, 32, 32 }, y.shape);
        Assert.Equal(-1f, Min(y));
        Assert.Equal(1f, Max(x));
    }
}
