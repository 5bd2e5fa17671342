using System.ComponentModel;
using MIForge.Abstractions;
using TorchSharp.Modules;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Models;

/// <summary>Options of <see cref="Vgg16Bn"/>.</summary>
public sealed class Vgg16BnOptions
{
    [Description("batch-normalise the flattened features before the head, with the shift frozen (as BiDO's VGG16)")]
    public bool FeatureNorm { get; set; } = true;
}

/// <summary>
/// VGG16 with batch norm (configuration D) in five pooled blocks, as BiDO's face target
/// (64×64 RGB gives 512·2·2 features). Hidden blocks: block1..block5.
/// </summary>
[Plugin("vgg16-bn", "VGG16 with batch norm, five pooled blocks (BiDO's 64x64 face target), hidden blocks block1..block5")]
public sealed class Vgg16Bn(Vgg16BnOptions options) : IModelArchitecture
{
    private static readonly long[][] Config = { new long[] { 64, 64 }, new long[] { 128, 128 }, new long[] { 256, 256, 256 }, new long[] { 512, 512, 512 }, new long[] { 512, 512, 512 } };

    public IClassifier Create(ImageShape input, int classCount)
    {
        var blocks = new List<Block>();
        long cin = input.Channels;
        for (var i = 0; i < Config.Length; i++)
        {
            var s = nn.Sequential();
            foreach (var cout in Config[i]) { s.append(Layers.ConvBnRelu(cin, cout)); cin = cout; }
            s.append(nn.MaxPool2d(2));
            blocks.Add(new Block($"block{i + 1}", s));
        }
        return new BlockClassifier(input, classCount, blocks, Layers.LinearHead(classCount),
            options.FeatureNorm ? FrozenShiftNorm : null);
    }

    private static nn.Module<Tensor, Tensor> FrozenShiftNorm(long dim)
    {
        var bn = nn.BatchNorm1d(dim);
        bn.bias!.requires_grad = false;
        return bn;
    }
}
