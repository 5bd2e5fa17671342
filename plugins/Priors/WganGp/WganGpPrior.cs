using MIForge.Abstractions;
using MIForge.Plugins.Priors.Networks;
using MIForge.Plugins.Priors.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Priors.WganGp;

/// <summary>GMI's prior (Zhang et al. 2020): a DCGAN generator and critic trained on public images as a
/// Wasserstein GAN with gradient penalty; realness is the critic's score.</summary>
[Plugin("wgan-gp", "GMI's prior: DCGAN generator + critic trained with WGAN-GP on public data")]
public sealed class WganGpPrior(WganGpOptions options, IRunContext context, IProgressReporter progress)
    : GanPrior<WganGpOptions, WganCritic>(options, context, progress)
{
    /// <inheritdoc/>
    protected override string PluginName => "wgan-gp";

    /// <inheritdoc/>
    protected override int ClassesFor(PriorTraining training) => 1;

    /// <inheritdoc/>
    protected override WganCritic CreateDiscriminator(GanArchitecture architecture) => new(architecture);

    /// <inheritdoc/>
    protected override GanPrior<WganGpOptions, WganCritic> CreateSibling() => new WganGpPrior(Options, Context, Progress);

    /// <inheritdoc/>
    public override Tensor Realness(Tensor images)
    {
        Discriminator.eval();
        return Discriminator.forward(images);
    }

    /// <summary>E[D(fake)] − E[D(real)] + λ·GP.</summary>
    protected override Tensor DiscriminatorLoss(GanStep step)
    {
        using var scope = NewDisposeScope();
        var real = step.Real[0];
        var distance = Discriminator.forward(real).mean() - Discriminator.forward(step.Fake).mean();
        var penalty = GradientPenalty.Of(x => Discriminator.forward(x), real, step.Fake);
        return (Options.GradientPenalty * penalty - distance).MoveToOuterDisposeScope();
    }

    /// <summary>−E[D(G(z))].</summary>
    protected override Tensor GeneratorLoss(GanStep step)
    {
        using var scores = Discriminator.forward(step.Fake);
        using var mean = scores.mean();
        return -mean;
    }
}
