using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MIForge.Plugins.Priors.Networks;

/// <summary>GMI's critic body: 5×5 stride-2 convolutions doubling the channels down to 4×4, instance
/// norm (no batch norm, as the gradient penalty needs per-sample outputs) and LeakyReLU(0.2).</summary>
public sealed class CriticTrunk : nn.Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    /// <summary>Builds the layers for <paramref name="architecture"/>.</summary>
    public CriticTrunk(GanArchitecture architecture) : base(nameof(CriticTrunk))
    {
        layers = nn.Sequential();
        long channels = architecture.Width;
        layers.append(nn.Conv2d(architecture.Shape.Channels, channels, 5, 2, 2));
        layers.append(nn.LeakyReLU(0.2));
        for (var i = 1; i < architecture.Steps; i++)
        {
            layers.append(nn.Conv2d(channels, channels * 2, 5, 2, 2));
            layers.append(nn.InstanceNorm2d(channels * 2, affine: true));
            layers.append(nn.LeakyReLU(0.2));
            channels *= 2;
        }
        Channels = channels;
        register_module("layers", layers);
    }

    /// <summary>Channels of the 4×4 output maps.</summary>
    public long Channels { get; }

    /// <summary>Feature maps [n, Channels, 4, 4].</summary>
    public override Tensor forward(Tensor x) => layers.forward(x);
}
