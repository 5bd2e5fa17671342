using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Defenses.Mid;

/// <summary>The bottleneck's Gaussian code for one batch: mean μ and standard deviation σ, each [N,k].</summary>
/// <param name="Mean">μ.</param>
/// <param name="Std">σ &gt; 0.</param>
internal sealed record GaussianCode(Tensor Mean, Tensor Std)
{
    /// <summary>The smallest σ the KL term takes the logarithm of.</summary>
    private const double MinimumStd = 1e-8;

    /// <summary>KL(N(μ, σ²) ‖ N(0, I)) summed over the code, averaged over the batch:
    /// −½·Σ(1 + 2·log σ − μ² − σ²).</summary>
    public Tensor KullbackLeibler()
    {
        using var scope = NewDisposeScope();
        var perCode = 1 + 2 * Std.clamp_min(MinimumStd).log() - Mean.square() - Std.square();
        return (perCode.sum(1).mean() * -0.5).MoveToOuterDisposeScope();
    }
}
