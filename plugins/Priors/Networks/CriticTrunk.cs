using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MIForge.Plugins.Priors.Networks;

/// <summary>GMI's critic body: 5×5 stride-2 convolutions doubling the channels down to 4×4, instance
/// norm (no batch norm, as the gradient penalty needs per-sample outputs) and LeakyReLU(0.2). With
/// <c>keepLastChannels</c> the last step is KED-MI's reference layer instead: a 3×3 stride-2 convolution that keeps
/// the channel count (64×64 images give 4·Width channels at 4×4, not 8·Width).</summary>
public sealed class CriticTrunk : nn.Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    /// <summary>Builds the layers for <paramref name="architecture"/>.</summary>
    public CriticTrunk(GanArchitecture architecture, bool keepLastChannels = false) : base(nameof(CriticTrunk))
    {
        layers = nn.Sequential();
        long channels = architecture.Width;
        layers.append(nn.Conv2d(architecture.Shape.Channels, channels, 5, 2, 2));
        layers.append(nn.LeakyReLU(0.2));
        for (var i = 1; i < architecture.Steps; i++)
        {
            bool last = i == architecture.Steps - 1 && keepLastChannels;
            var next = last ? channels : channels * 2;
            layers.append(last ? nn.Conv2d(channels, next, 3, 2, 1) : nn.Conv2d(channels, next, 5, 2, 2));
            layers.append(nn.InstanceNorm2d(next, affine: true));
            layers.append(nn.LeakyReLU(0.2));
            channels = next;
        }
        Channels = channels;
        register_module("layers", layers);
    }

    /// <summary>Channels of the 4×4 output maps.</summary>
    public long Channels { get; }

    /// <summary>Feature maps [n, Channels, 4, 4].</summary>
    public override Tensor forward(Tensor x) => layers.forward(x);
}
