using MIForge.Abstractions;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Ood.Scorers;

/// <summary>Maximum logit (Hendrycks et al., 2022): max_c f(x)_c.</summary>
[Plugin("max-logit", "Maximum unnormalised logit (Hendrycks et al. 2022)")]
public sealed class MaxLogit : LogitScorer
{
    /// <inheritdoc/>
    public override Tensor ScoreLogits(Tensor logits)
    {
        var (values, indices) = logits.max(1);
        indices.Dispose();
        return values;
    }
}
