using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using MIForge.Numerics;
using MIForge.Plugins.Ood.Fitting;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Ood.Scorers;

/// <summary>Options of <see cref="React"/>; the default percentile is OpenOOD's.</summary>
public sealed class ReactOptions
{
    /// <summary>Percentile of all in-distribution penultimate activations used as the clipping threshold.</summary>
    [Range(0.0, 100.0), Description("Percentile (0–100) of the in-distribution penultimate activations that becomes the clipping threshold.")]
    public double Percentile { get; set; } = 90;
}

/// <summary>ReAct (Sun et al., 2021): penultimate activations clipped at a percentile c of their
/// in-distribution values, logits recomputed by the last linear layer, score = logsumexp of those logits.</summary>
[Plugin("react", "Energy score after clipping penultimate activations at an in-distribution percentile (Sun et al. 2021)")]
public sealed class React(ReactOptions options) : IOodScorer, IDisposable
{
    private LinearHead? head;

    /// <summary>The clipping threshold c learnt by Fit.</summary>
    public double Threshold { get; private set; } = double.NaN;

    /// <inheritdoc/>
    public void Fit(IClassifier model, ImageSet inDistribution)
    {
        Dispose();
        using var seen = Activations.Collect(model, inDistribution.Images);
        head = LinearHead.Of(model, seen.Features.device);
        using var all = seen.Features.flatten();
        Threshold = Percentile.Linear(all, options.Percentile);
    }

    /// <inheritdoc/>
    public Tensor Score(IClassifier model, Tensor images)
    {
        var fitted = NotFitted.Check(head, "react");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var output = model.Forward(images);
        var z = output.Features.flatten(1).to(ScalarType.Float64, fitted.Weight.device).clamp_max(Threshold);
        return EnergyScore.Energy(fitted.Logits(z)).neg().MoveToOuterDisposeScope();
    }

    /// <summary>Frees the fitted head.</summary>
    public void Dispose()
    {
        head?.Dispose();
        head = null;
    }
}
