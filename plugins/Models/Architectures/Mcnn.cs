using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Models;

/// <summary>Options of <see cref="Mcnn"/>.</summary>
public sealed class McnnOptions
{
    [Description("negative slope of the LeakyReLU activations")]
    [Range(0.0, 1.0)]
    public double Slope { get; set; } = 0.2;
}

/// <summary>
/// BiDO's MNIST target: three conv blocks 64/128/256 (kernels 7/5/5, batch norm, LeakyReLU),
/// max-pooling after the first two, and a linear head on the 256 features (at 32×32 input).
/// Hidden blocks: layer1, layer2, layer3.
/// </summary>
[Plugin("mcnn", "BiDO's MNIST target CNN: conv blocks 64/128/256 with LeakyReLU 0.2, hidden blocks layer1..layer3")]
public sealed class Mcnn(McnnOptions options) : IModelArchitecture
{
    public IClassifier Create(ImageShape input, int classCount) => new BlockClassifier(input, classCount, new[]
    {
        new Block("layer1", Layers.ConvBnLeaky(input.Channels, 64, 7, 1, options.Slope, pool: true)),
        new Block("layer2", Layers.ConvBnLeaky(64, 128, 5, 0, options.Slope, pool: true)),
        new Block("layer3", Layers.ConvBnLeaky(128, 256, 5, 0, options.Slope, pool: false)),
    }, Layers.LinearHead(classCount));
}
