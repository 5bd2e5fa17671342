using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MIForge.Plugins.Priors.Networks;

/// <summary>GMI's DCGAN generator: z → linear to 4×4 maps (batch norm, ReLU), then 5×5 stride-2
/// transposed convolutions halving the channels up to the image size, sigmoid output in [0,1].</summary>
public sealed class DcganGenerator : nn.Module<Tensor, Tensor>
{
    private readonly Sequential project;
    private readonly Sequential upsample;
    private readonly long deep;

    /// <summary>Builds the layers for <paramref name="architecture"/>.</summary>
    public DcganGenerator(GanArchitecture architecture) : base(nameof(DcganGenerator))
    {
        deep = architecture.DeepChannels;
        project = nn.Sequential(
            nn.Linear(architecture.LatentDim, deep * 16, hasBias: false), nn.BatchNorm1d(deep * 16), nn.ReLU());
        upsample = nn.Sequential();
        var channels = deep;
        for (var i = 1; i < architecture.Steps; i++)
        {
            upsample.append(nn.ConvTranspose2d(channels, channels / 2, 5, 2, 2, output_padding: 1, bias: false));
            upsample.append(nn.BatchNorm2d(channels / 2));
            upsample.append(nn.ReLU());
            channels /= 2;
        }
        upsample.append(nn.ConvTranspose2d(channels, architecture.Shape.Channels, 5, 2, 2, output_padding: 1));
        upsample.append(nn.Sigmoid());
        register_module("project", project);
        register_module("upsample", upsample);
    }

    /// <summary>Images [n,C,H,W] in [0,1] for latents [n, d].</summary>
    public override Tensor forward(Tensor z)
    {
        using var h = project.forward(z);
        using var maps = h.view(-1, deep, 4, 4);
        return upsample.forward(maps);
    }
}
