using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using MIForge.Numerics;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Ood.Scorers;

/// <summary>Options of <see cref="Energy"/>.</summary>
public sealed class EnergyOptions
{
    /// <summary>Temperature T of the energy; OpenOOD's default is 1.</summary>
    [Range(1e-6, 1e6), Description("Temperature T in −E(x) = T·logsumexp(f(x)/T).")]
    public double Temperature { get; set; } = 1;
}

/// <summary>Negative free energy (Liu et al., 2020): −E(x) = T·logsumexp(f(x)/T).</summary>
[Plugin("energy", "Negative free energy T·logsumexp(f(x)/T) (Liu et al. 2020)")]
public sealed class Energy(EnergyOptions options) : LogitScorer
{
    /// <inheritdoc/>
    public override Tensor ScoreLogits(Tensor logits)
    {
        using var e = EnergyScore.Energy(logits, options.Temperature);
        return e.neg();
    }
}
