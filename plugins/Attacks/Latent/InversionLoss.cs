using MIForge.Abstractions;
using MIForge.Plugins.Attacks.Lomma;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Attacks.Latent;

/// <summary>The latent attacks' objective: −E[realness(x)] + λ·identity(x, c), the identity loss being
/// cross-entropy (GMI, KED-MI) or LOMMA's logit loss, averaged over target and surrogates.</summary>
public sealed class InversionLoss(IPrior prior, InversionModels models, LatentAttackOptions options)
{
    private readonly LommaOptions lomma = options.Lomma;

    /// <summary>Scalar loss for images [n,C,H,W] meant to show target classes [n] (int64).</summary>
    public Tensor Of(Tensor images, Tensor classes)
    {
        using var scope = NewDisposeScope();
        var realness = prior.Realness(images).mean();
        return (options.Lambda * Identity(images, classes) - realness).MoveToOuterDisposeScope();
    }

    /// <summary>The identity term alone (averaged over models, plus the feature regulariser of the logit loss).</summary>
    public Tensor Identity(Tensor images, Tensor classes)
    {
        using var scope = NewDisposeScope();
        Tensor? total = null, regulariser = null;
        var count = 0;
        foreach (var model in models.All)
        {
            var output = model.Forward(images);
            Tensor term;
            if (lomma.LogitLoss)
            {
                term = -output.Logits.gather(1, classes.unsqueeze(1)).mean();
                if (regulariser is null && models.FeatureMean is { } mean)
                    regulariser = lomma.FeatureWeight * (output.Features - mean.unsqueeze(0)).pow(2).mean();
            }
            else term = nn.functional.cross_entropy(output.Logits, classes);
            total = total is null ? term : total + term;
            count++;
        }
        var identity = total! / count;
        if (regulariser is not null) identity = identity + regulariser;
        return identity.MoveToOuterDisposeScope();
    }

    /// <summary>The target's softmax probability of each image's class [n], without gradients.</summary>
    public Tensor Confidence(Tensor images, Tensor classes)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var output = models.Target.Forward(images);
        return output.Logits.softmax(1).gather(1, classes.unsqueeze(1)).squeeze(1).MoveToOuterDisposeScope();
    }
}
