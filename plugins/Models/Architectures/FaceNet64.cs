using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using TorchSharp.Modules;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Models;

/// <summary>Options of <see cref="FaceNet64"/>.</summary>
public sealed class FaceNet64Options
{
    [Description("IR backbone depth: 18 (2,2,2,2 units), 34 (3,4,6,3), 50 (3,4,14,3; GMI's FaceNet64) or 152 (3,8,36,3; GMI's IR-152)")]
    [AllowedValues(18, 34, 50, 152)]
    public int Depth { get; set; } = 18;

    [Description("dropout before the embedding layer")]
    [Range(0.0, 0.9)]
    public double Dropout { get; set; } = 0.5;

    [Description("size of the embedding (the penultimate features)")]
    [Range(16, 4096)]
    public int Embedding { get; set; } = 512;
}

/// <summary>
/// A FaceNet64-style face classifier: an improved-residual (IR) backbone with PReLU, four
/// stride-2 stages 64/128/256/512, then BN → dropout → linear embedding → BN, and a linear head.
/// Hidden blocks: stage1..stage4. With depth 50 its state lists the same tensors in the same order as GMI's
/// FaceNet64 (evolve.IR_50_64 + output_layer + fc_layer), so published evaluators import by order and shape.
/// </summary>
[Plugin("facenet64", "FaceNet64-style IR face classifier (IR-18/34/50 backbone, 512-d embedding), hidden blocks stage1..stage4")]
public sealed class FaceNet64(FaceNet64Options options) : IModelArchitecture
{
    public IClassifier Create(ImageShape input, int classCount)
    {
        var units = options.Depth switch { 18 => new[] { 2, 2, 2, 2 }, 34 => new[] { 3, 4, 6, 3 }, 50 => new[] { 3, 4, 14, 3 }, 152 => new[] { 3, 8, 36, 3 }, _ => throw new ArgumentOutOfRangeException(nameof(options.Depth), options.Depth, "depth must be 18, 34, 50 or 152") };
        var blocks = new List<Block>
        {
            new("stem", nn.Sequential(nn.Conv2d(input.Channels, 64, 3, 1, 1, bias: false), nn.BatchNorm2d(64), nn.PReLU(64)), Hidden: false),
        };
        long cin = 64;
        for (var stage = 0; stage < 4; stage++)
        {
            var cout = 64L << stage;
            var s = nn.Sequential(new IrBlock(cin, cout, 2));
            for (var u = 1; u < units[stage]; u++) s.append(new IrBlock(cout, cout, 1));
            blocks.Add(new($"stage{stage + 1}", s));
            cin = cout;
        }
        blocks.Add(new("output_norm", nn.Sequential(nn.BatchNorm2d(512), nn.Dropout(options.Dropout)), Hidden: false));
        return new BlockClassifier(input, classCount, blocks, Layers.LinearHead(classCount),
            dim => nn.Sequential(nn.Linear(dim, options.Embedding), nn.BatchNorm1d(options.Embedding)));
    }
}
