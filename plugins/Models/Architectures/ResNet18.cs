using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using TorchSharp.Modules;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Models;

/// <summary>Options of <see cref="ResNet18"/>.</summary>
public sealed class ResNet18Options
{
    [Description("channels of the first stage (doubles per stage)")]
    [Range(8, 512)]
    public int Width { get; set; } = 64;
}

/// <summary>
/// ResNet-18 for small images: 3×3 stem, four stages of two basic blocks (strides 1,2,2,2),
/// global average pooling, linear head. Hidden blocks: layer1..layer4.
/// </summary>
[Plugin("resnet18", "ResNet-18 with a 3x3 stem for small images, hidden blocks layer1..layer4")]
public sealed class ResNet18(ResNet18Options options) : IModelArchitecture
{
    public IClassifier Create(ImageShape input, int classCount)
    {
        long w = options.Width;
        var blocks = new List<Block>
        {
            new("stem", nn.Sequential(nn.Conv2d(input.Channels, w, 3, 1, 1, bias: false), nn.BatchNorm2d(w), nn.ReLU()), Hidden: false),
        };
        long cin = w;
        for (var stage = 0; stage < 4; stage++)
        {
            var cout = w << stage;
            var stride = stage == 0 ? 1 : 2;
            blocks.Add(new($"layer{stage + 1}", nn.Sequential(new BasicBlock(cin, cout, stride), new BasicBlock(cout, cout, 1))));
            cin = cout;
        }
        blocks.Add(new("pool", nn.AdaptiveAvgPool2d(1), Hidden: false));
        return new BlockClassifier(input, classCount, blocks, Layers.LinearHead(classCount));
    }
}
