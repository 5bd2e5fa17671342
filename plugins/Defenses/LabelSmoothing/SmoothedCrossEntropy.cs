using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Defenses.LabelSmoothing;

/// <summary>Cross-entropy against smoothed targets t = (1−α)·onehot(y) + α/C, for any α (negative included).</summary>
internal static class SmoothedCrossEntropy
{
    /// <summary>−mean_i Σ_k t_ik·log softmax(logits_i)_k; equals cross-entropy at α = 0.</summary>
    public static Tensor Of(Tensor logits, Tensor labels, double factor)
    {
        using var scope = NewDisposeScope();
        var classes = logits.size(1);
        var logProbabilities = logits.log_softmax(1);
        var targets = nn.functional.one_hot(labels, classes).to(logits.dtype) * (1 - factor) + factor / classes;
        return ((targets * logProbabilities).sum(1).mean() * -1).MoveToOuterDisposeScope();
    }
}
