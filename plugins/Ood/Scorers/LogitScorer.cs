using MIForge.Abstractions;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Ood.Scorers;

/// <summary>A scorer that needs nothing but the logits of the images (MSP, MaxLogit, Energy, GEN).</summary>
public abstract class LogitScorer : IOodScorer
{
    /// <summary>Scores [N] from logits [N, C]; higher means more in-distribution.</summary>
    public abstract Tensor ScoreLogits(Tensor logits);

    /// <inheritdoc/>
    public Tensor Score(IClassifier model, Tensor images)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var output = model.Forward(images);
        return ScoreLogits(output.Logits).MoveToOuterDisposeScope();
    }
}
