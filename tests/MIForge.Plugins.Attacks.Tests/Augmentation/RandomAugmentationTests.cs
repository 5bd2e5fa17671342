using MIForge.Numerics.Augmentation;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Attacks.Tests.Augmentation;

public sealed class PseudoPrivateAugmentationTests
{
    [Fact]
    public void FullAreaCropIsTheIdentity()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var x = rand(4, 3, 8, 8);
        var y = new RandomResizedCrop(1, 1).Apply(x, new Random(1));
        Assert.True(y.allclose(x, atol: 1e-5));
    }

    [Fact]
    public void CropKeepsShapeAndZoomsIn()
    {
        using var scope = NewDisposeScope();
        var x = zeros(6, 1, 16, 16);
        using (no_grad()) x.narrow(2, 4, 8).narrow(3, 4, 8).fill_(1);
        var y = new RandomResizedCrop(0.5, 0.5).Apply(x, new Random(2));
        Assert.Equal(x.shape, y.shape);
        Assert.True(y.sum().item<float>() > x.sum().item<float>() * 1.5f, "a half-area crop magnifies the square");
    }

    [Fact]
    public void DefaultPipelineKeepsShapeRangeAndReproducesUnderASeed()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var x = rand(5, 3, 16, 16);
        var pipeline = PseudoPrivateAugmentation.Create();
        var a = pipeline.Apply(x, new Random(4));
        var b = pipeline.Apply(x, new Random(4));
        Assert.Equal(x.shape, a.shape);
        Assert.True(a.Equals(b));
        Assert.True(a.min().item<float>() >= 0 && a.max().item<float>() <= 1);
        Assert.False(a.allclose(x, atol: 1e-3));
        Assert.Equal(4, pipeline.Steps.Count);
    }
}
