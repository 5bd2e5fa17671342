using MIForge.Abstractions;
using TorchSharp;

namespace MIForge.Plugins.Defenses.Mid;

/// <summary>Mutual-information regularisation (MID, Wang et al., AAAI 2021) as a variational
/// information bottleneck: the classifier gets a stochastic Gaussian code on its penultimate
/// features and the objective is CE + β·KL(N(μ, σ²) ‖ N(0, I)). Logs "ce" and "kl".</summary>
[Plugin("mid", "mutual-information defense (Wang et al. 2021): variational information bottleneck, CE + beta KL")]
public sealed class Mid(MidOptions options) : IDefense
{
    /// <summary>Wraps the classifier with the bottleneck (also when a checkpoint is loaded, so its parameters line up).</summary>
    public IClassifier Prepare(IClassifier model) => new Bottleneck(model, options.Width, options.StdShift);

    /// <summary>CE + β·KL of the batch's code; needs the classifier <see cref="Prepare"/> returned.</summary>
    public DefenseLoss Loss(DefenseBatch batch)
    {
        if (batch.Model is not Bottleneck bottleneck)
            throw new InvalidOperationException("mid: the model was not prepared by this defense (IDefense.Prepare)");
        var kl = bottleneck.CodeOf(batch.Output).KullbackLeibler();
        var terms = new Dictionary<string, double> { ["ce"] = batch.CrossEntropy.ToDouble(), ["kl"] = kl.ToDouble() };
        return new DefenseLoss(batch.CrossEntropy + kl * options.Beta, terms);
    }
}
