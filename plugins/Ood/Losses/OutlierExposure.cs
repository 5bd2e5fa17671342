using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Ood.Losses;

/// <summary>Options of <see cref="OutlierExposure"/>.</summary>
public sealed class OutlierExposureOptions
{
    /// <summary>Weight λ of the term; 0.5 is Hendrycks et al.'s value for vision.</summary>
    [Range(0.0, 1000.0), Description("Weight lambda of the cross-entropy from the outliers' softmax to the uniform distribution.")]
    public double Weight { get; set; } = 0.5;
}

/// <summary>Outlier exposure (Hendrycks et al., ICLR 2019): λ · mean over outliers of the cross-entropy
/// from the uniform distribution to softmax f(x_out), i.e. λ·mean(logsumexp f − mean_c f).</summary>
[Plugin("outlier-exposure", "Cross-entropy of the outliers' softmax to the uniform distribution, weighted by lambda (Hendrycks et al. 2019)")]
public sealed class OutlierExposure(OutlierExposureOptions options) : IOodLoss
{
    /// <inheritdoc/>
    public Tensor Loss(ClassifierOutput inDistribution, ClassifierOutput outliers)
    {
        using var scope = NewDisposeScope();
        var logits = outliers.Logits;
        var crossEntropy = logits.logsumexp(1) - logits.mean([1L]);
        return (crossEntropy.mean() * options.Weight).MoveToOuterDisposeScope();
    }
}
