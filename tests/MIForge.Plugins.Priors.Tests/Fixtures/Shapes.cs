using MIForge.Abstractions;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Tests.Fixtures;

/// <summary>Synthetic labelled images: class k is a bright horizontal band at rows k·H/classes, plus noise.</summary>
public static class Shapes
{
    /// <summary><paramref name="perClass"/> images per class of <paramref name="shape"/>, values in [0,1].</summary>
    public static ImageSet Bands(ImageShape shape, int classes, int perClass, double noise = 0.1)
    {
        using var scope = NewDisposeScope();
        var n = classes * perClass;
        var labels = new long[n];
        var pixels = new float[n * shape.Elements];
        var band = Math.Max(1, shape.Height / classes);
        for (var i = 0; i < n; i++)
        {
            var k = i % classes;
            labels[i] = k;
            for (var c = 0; c < shape.Channels; c++)
            for (var y = k * band; y < Math.Min(shape.Height, (k + 1) * band); y++)
            for (var x = 0; x < shape.Width; x++)
                pixels[((i * shape.Channels + c) * shape.Height + y) * shape.Width + x] = 0.9f;
        }
        var clean = tensor(pixels, n, shape.Channels, shape.Height, shape.Width);
        var images = (clean + noise * rand(new long[] { n, shape.Channels, shape.Height, shape.Width })).clamp(0, 1);
        return new ImageSet(images.MoveToOuterDisposeScope(), tensor(labels).MoveToOuterDisposeScope(), classes);
    }
}
