using MIForge.Abstractions;
using TorchSharp;

namespace MIForge.Plugins.Defenses.LabelSmoothing;

/// <summary>Label smoothing as a defense: positive factors smooth the targets, negative factors (NegLS,
/// Struppek et al., ICLR 2024) sharpen them, which makes model inversion harder. Replaces the
/// cross-entropy; logs "ce" (plain), "smoothed_ce" and the "factor" in use.</summary>
[Plugin("label-smoothing", "label smoothing with a positive or negative factor (NegLS, Struppek et al. 2024)")]
public sealed class LabelSmoothing(LabelSmoothingOptions options) : IDefense
{
    /// <summary>The factor at a zero-based epoch: ramped linearly over RampEpochs, then constant.</summary>
    public double FactorAt(int epoch) =>
        options.RampEpochs == 0 ? options.Factor : options.Factor * Math.Min(1.0, (epoch + 1.0) / options.RampEpochs);

    /// <summary>Cross-entropy of the batch's logits against the smoothed targets.</summary>
    public DefenseLoss Loss(DefenseBatch batch)
    {
        var factor = FactorAt(batch.Epoch);
        var loss = SmoothedCrossEntropy.Of(batch.Output.Logits, batch.Labels, factor);
        var terms = new Dictionary<string, double>
        {
            ["ce"] = batch.CrossEntropy.ToDouble(), ["smoothed_ce"] = loss.ToDouble(), ["factor"] = factor,
        };
        return new DefenseLoss(loss, terms);
    }
}
