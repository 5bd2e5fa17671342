using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MIForge.Plugins.Priors.Networks;

/// <summary>The WGAN-GP critic: <see cref="CriticTrunk"/> then a 4×4 convolution to one score per image.</summary>
public sealed class WganCritic : nn.Module<Tensor, Tensor>
{
    private readonly CriticTrunk trunk;
    private readonly Conv2d score;

    /// <summary>Builds the layers for <paramref name="architecture"/>.</summary>
    public WganCritic(GanArchitecture architecture) : base(nameof(WganCritic))
    {
        trunk = new CriticTrunk(architecture);
        score = nn.Conv2d(trunk.Channels, 1, 4);
        register_module("trunk", trunk);
        register_module("score", score);
    }

    /// <summary>Scores [n]; higher means more like the training data.</summary>
    public override Tensor forward(Tensor x)
    {
        using var h = trunk.forward(x);
        using var s = score.forward(h);
        return s.view(-1);
    }
}
