using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Host.Tests.Fakes;

public sealed class FakeDigitsOptions
{
    [Range(2, 100), Description("Number of classes.")]
    public int Classes { get; set; } = 6;

    [Range(1, 1000), Description("Training images per class.")]
    public int PerClass { get; set; } = 6;

    [Range(4, 64), Description("Image side in pixels.")]
    public int Size { get; set; } = 8;
}

/// <summary>Images whose mean brightness encodes the class: learnable in a few steps.</summary>
[Plugin("fake-digits", "synthetic images, brightness = class")]
public sealed class FakeDigits(FakeDigitsOptions options) : IDataset, IDescribedDataset
{
    public DatasetFacts Describe() => new(options.Classes, new ImageShape(1, options.Size, options.Size));

    public ImageSet Load(DatasetPart part)
    {
        var n = options.Classes * (part == DatasetPart.Train ? options.PerClass : 2);
        var labels = Enumerable.Range(0, n).Select(i => (long)(i % options.Classes)).ToArray();
        var pixels = new float[n * options.Size * options.Size];
        var rng = new Random(part == DatasetPart.Train ? 1 : 2);
        for (var i = 0; i < n; i++)
            for (var p = 0; p < options.Size * options.Size; p++)
                pixels[i * options.Size * options.Size + p] = (float)Math.Clamp((labels[i] + 0.5) / options.Classes + (rng.NextDouble() - 0.5) * 0.05, 0, 1);
        return new ImageSet(
            torch.tensor(pixels, new long[] { n, 1, options.Size, options.Size }).DetachFromDisposeScope(),
            torch.tensor(labels).DetachFromDisposeScope(), options.Classes);
    }
}
