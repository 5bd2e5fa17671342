using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Ood.Scorers;

/// <summary>Options of <see cref="Gen"/>; defaults are OpenOOD's.</summary>
public sealed class GenOptions
{
    /// <summary>Exponent γ of the generalized entropy.</summary>
    [Range(1e-6, 100.0), Description("Exponent gamma of the generalized entropy Σ p^γ (1−p)^γ.")]
    public double Gamma { get; set; } = 0.1;

    /// <summary>How many of the largest class probabilities enter the sum.</summary>
    [Range(1, 1_000_000), Description("Number M of largest class probabilities summed (all classes when there are fewer).")]
    public int M { get; set; } = 100;
}

/// <summary>Generalized entropy (Liu et al., CVPR 2023): −Σ_{top-M} p^γ (1−p)^γ over the largest softmax
/// probabilities, computed in float64 (p^γ of tiny probabilities amplifies float32 round-off).</summary>
[Plugin("gen", "Negative generalized entropy of the top-M softmax probabilities (Liu et al. 2023)")]
public sealed class Gen(GenOptions options) : LogitScorer
{
    /// <inheritdoc/>
    public override Tensor ScoreLogits(Tensor logits)
    {
        using var scope = NewDisposeScope();
        var p = logits.to(ScalarType.Float64).softmax(1);
        var (top, _) = p.topk((int)Math.Min(options.M, p.shape[1]), 1);
        var terms = top.pow(options.Gamma) * (1 - top).pow(options.Gamma);
        return terms.sum(1).neg().MoveToOuterDisposeScope();
    }
}
