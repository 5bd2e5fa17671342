using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using MIForge.Numerics;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Ood.Losses;

/// <summary>Options of <see cref="EnergyMargin"/>.</summary>
public sealed class EnergyMarginOptions
{
    /// <summary>Weight of the term; 0.1 in Liu et al. and BiDO+.</summary>
    [Range(0.0, 1000.0), Description("Weight of the squared-hinge energy term.")]
    public double Weight { get; set; } = 0.1;

    /// <summary>Margin m_in; null measures it as the mean in-distribution energy in the first phase.</summary>
    [Description("Margin m_in: in-distribution energies above it are penalised. Omitted: the mean in-distribution energy measured in the first phase.")]
    public double? InMargin { get; set; }

    /// <summary>Margin m_out; null measures it as the mean outlier energy in the first phase.</summary>
    [Description("Margin m_out: outlier energies below it are penalised. Omitted: the mean outlier energy measured in the first phase.")]
    public double? OutMargin { get; set; }
}

/// <summary>Energy-bounded learning (Liu et al., NeurIPS 2020), with E = −logsumexp f:
/// weight · [mean relu(E_in − m_in)² + mean relu(m_out − E_out)²]. Margins are given, or measured
/// as running means of the energies while the first phase is observed.</summary>
[Plugin("energy-margin", "Squared hinge on energies: ID energies below m_in, outlier energies above m_out (Liu et al. 2020)")]
public sealed class EnergyMargin(EnergyMarginOptions options) : IOodLoss, IWarmupObserver
{
    private readonly RunningMean inEnergy = new(), outEnergy = new();

    /// <summary>True while a margin is left to be measured from the first phase.</summary>
    public bool Observing => options.InMargin is null || options.OutMargin is null;

    /// <summary>The margin m_in in use (given or measured; NaN when neither yet).</summary>
    public double InMargin => options.InMargin ?? inEnergy.Value;

    /// <summary>The margin m_out in use (given or measured; NaN when neither yet).</summary>
    public double OutMargin => options.OutMargin ?? outEnergy.Value;

    /// <inheritdoc/>
    public void Observe(ClassifierOutput inDistribution, ClassifierOutput outliers)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        inEnergy.Add(EnergyScore.Energy(inDistribution.Logits).mean().ToDouble(), inDistribution.Logits.shape[0]);
        outEnergy.Add(EnergyScore.Energy(outliers.Logits).mean().ToDouble(), outliers.Logits.shape[0]);
    }

    /// <inheritdoc/>
    public Tensor Loss(ClassifierOutput inDistribution, ClassifierOutput outliers)
    {
        var mIn = InMargin;
        var mOut = OutMargin;
        if (double.IsNaN(mIn) || double.IsNaN(mOut))
            throw new InvalidOperationException("energy-margin: give inMargin and outMargin, or let a first training phase measure them (bido-plus firstPhaseEpochs > 0)");
        using var scope = NewDisposeScope();
        var eIn = EnergyScore.Energy(inDistribution.Logits);
        var eOut = EnergyScore.Energy(outliers.Logits);
        var hinge = (eIn - mIn).relu().pow(2).mean() + (mOut - eOut).relu().pow(2).mean();
        return (hinge * options.Weight).MoveToOuterDisposeScope();
    }
}
