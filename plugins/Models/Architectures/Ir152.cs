using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;

namespace MIForge.Plugins.Models;

/// <summary>Options of <see cref="Ir152"/>.</summary>
public sealed class Ir152Options
{
    [Description("dropout before the embedding layer")]
    [Range(0.0, 0.9)]
    public double Dropout { get; set; } = 0.5;
}

/// <summary>GMI's IR-152 face target: the <see cref="FaceNet64"/> layout with an IR-152 backbone (3, 8, 36, 3 units),
/// whose state lists the same tensors in the same order as GMI's IR152 (evolve.IR_152_64 + output_layer + fc_layer).</summary>
[Plugin("ir152", "GMI's IR-152 face classifier (64x64, 512-d embedding), hidden blocks stage1..stage4")]
public sealed class Ir152(Ir152Options options) : IModelArchitecture
{
    public IClassifier Create(ImageShape input, int classCount) =>
        new FaceNet64(new FaceNet64Options { Depth = 152, Dropout = options.Dropout }).Create(input, classCount);
}
