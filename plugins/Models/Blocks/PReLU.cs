using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Models;

/// <summary>Parametric ReLU with one learned slope per channel (initialised to 0.25).</summary>
internal sealed class PReLU : nn.Module<Tensor, Tensor>
{
    private static readonly Op prelu = Op.Find("aten::prelu");
    private readonly nn.Parameter weight;

    public PReLU(long channels) => weight = register_parameter("weight", new nn.Parameter(full(new[] { channels }, 0.25)))!;

    public override Tensor forward(Tensor x) => prelu.Call(x, weight);
}
