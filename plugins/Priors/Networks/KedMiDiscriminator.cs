using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MIForge.Plugins.Priors.Networks;

/// <summary>KED-MI's discriminator: <see cref="CriticTrunk"/> features, optional minibatch
/// discrimination, and a linear head with one logit per target class (K-way semi-supervised GAN:
/// realness is logsumexp of the logits).</summary>
public sealed class KedMiDiscriminator : nn.Module<Tensor, (Tensor Features, Tensor Logits)>
{
    private readonly CriticTrunk trunk;
    private readonly MinibatchDiscrimination? minibatch;
    private readonly Linear head;

    /// <summary>Builds the layers; <paramref name="minibatchFeatures"/> 0 leaves minibatch discrimination out;
    /// <paramref name="referenceLayout"/> uses KED-MI's reference trunk (see <see cref="CriticTrunk"/>).</summary>
    public KedMiDiscriminator(GanArchitecture architecture, int minibatchFeatures, int minibatchKernelDims, bool referenceLayout = false) : base(nameof(KedMiDiscriminator))
    {
        trunk = new CriticTrunk(architecture, keepLastChannels: referenceLayout);
        register_module("trunk", trunk);
        var features = trunk.Channels * 16;
        if (minibatchFeatures > 0)
        {
            minibatch = new MinibatchDiscrimination(features, minibatchFeatures, minibatchKernelDims);
            register_module("minibatch", minibatch);
        }
        head = nn.Linear(features + Math.Max(0, minibatchFeatures), architecture.Classes);
        register_module("head", head);
    }

    /// <summary>Flattened trunk features [n, F] (for feature matching) and class logits [n, K].</summary>
    public override (Tensor Features, Tensor Logits) forward(Tensor x)
    {
        using var maps = trunk.forward(x);
        var features = maps.flatten(1);
        if (minibatch is null) return (features, head.forward(features));
        using var widened = minibatch.forward(features);
        return (features, head.forward(widened));
    }
}
