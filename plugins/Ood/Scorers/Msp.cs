using MIForge.Abstractions;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Ood.Scorers;

/// <summary>Maximum softmax probability (Hendrycks &amp; Gimpel, 2017): max_c softmax(f(x))_c.</summary>
[Plugin("msp", "Maximum softmax probability (Hendrycks & Gimpel 2017)")]
public sealed class Msp : LogitScorer
{
    /// <inheritdoc/>
    public override Tensor ScoreLogits(Tensor logits)
    {
        using var p = logits.softmax(1);
        var (values, indices) = p.max(1);
        indices.Dispose();
        return values;
    }
}
