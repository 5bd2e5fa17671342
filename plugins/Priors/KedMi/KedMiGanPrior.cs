using MIForge.Abstractions;
using MIForge.Plugins.Priors.Networks;
using MIForge.Plugins.Priors.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Priors.KedMi;

/// <summary>KED-MI's inversion-specific GAN (Chen et al. 2021): a K-way semi-supervised discriminator
/// that learns the target's soft labels on public images and tells real from generated through
/// logsumexp of its logits; the generator matches mean discriminator features of real images and
/// adds the entropy of the class prediction. Realness is log σ(logsumexp(logits)).</summary>
[Plugin("kedmi-gan", "KED-MI's inversion-specific GAN: target soft labels, feature matching, entropy term")]
public sealed class KedMiGanPrior(KedMiGanOptions options, IRunContext context, IProgressReporter progress)
    : GanPrior<KedMiGanOptions, KedMiDiscriminator>(options, context, progress), ITargetAwarePrior
{
    /// <inheritdoc/>
    protected override string PluginName => "kedmi-gan";

    /// <summary>Labelled, unlabelled (discriminator) and unlabelled (feature matching) batches.</summary>
    protected override int RealStreams => 3;

    /// <inheritdoc/>
    protected override int ClassesFor(PriorTraining training)
    {
        var target = training.Target ?? throw new InvalidOperationException("the kedmi-gan prior learns the target's soft labels: its training needs the target classifier");
        if (target.Input != training.Data.Shape)
            throw new InvalidOperationException($"the target takes {target.Input} images but the public data is {training.Data.Shape}");
        return target.ClassCount;
    }

    /// <inheritdoc/>
    protected override KedMiDiscriminator CreateDiscriminator(GanArchitecture architecture) =>
        new(architecture, Options.MinibatchFeatures, Options.MinibatchKernelDims, Options.Layout == "kedmi");

    /// <inheritdoc/>
    protected override GanPrior<KedMiGanOptions, KedMiDiscriminator> CreateSibling() => new KedMiGanPrior(Options, Context, Progress);

    /// <inheritdoc/>
    public override Tensor Realness(Tensor images)
    {
        using var scope = NewDisposeScope();
        Discriminator.eval();
        var lse = Discriminator.forward(images).Logits.logsumexp(1);
        return (lse - nn.functional.softplus(lse)).MoveToOuterDisposeScope();
    }

    /// <summary>Soft-label cross-entropy to the target's softmax on labelled images plus the
    /// semi-supervised real/fake loss ½·[E softplus(lse(real)) − E lse(real) + E softplus(lse(fake))].</summary>
    protected override Tensor DiscriminatorLoss(GanStep step)
    {
        using var scope = NewDisposeScope();
        Tensor soft;
        using (no_grad())
        using (var output = step.Target!.Forward(step.Real[0])) soft = output.Logits.softmax(1);
        var labelled = Discriminator.forward(step.Real[0]).Logits;
        var labelLoss = -(soft * labelled.log_softmax(1)).sum(1).mean();
        var real = Discriminator.forward(step.Real[1]).Logits.logsumexp(1);
        var fake = Discriminator.forward(step.Fake).Logits.logsumexp(1);
        var unlabelledLoss = 0.5 * (nn.functional.softplus(real).mean() - real.mean() + nn.functional.softplus(fake).mean());
        return (labelLoss + unlabelledLoss).MoveToOuterDisposeScope();
    }

    /// <summary>Mean |E f(G(z)) − E f(x)| over discriminator features plus the weighted entropy
    /// (summed over the batch) of the discriminator's class prediction on G(z).</summary>
    protected override Tensor GeneratorLoss(GanStep step)
    {
        using var scope = NewDisposeScope();
        var (fakeFeatures, fakeLogits) = Discriminator.forward(step.Fake);
        Tensor realMean;
        using (no_grad()) realMean = Discriminator.forward(step.Real[2]).Features.mean(new long[] { 0 });
        var matching = (fakeFeatures.mean(new long[] { 0 }) - realMean).abs().mean();
        var entropy = -(fakeLogits.softmax(1) * fakeLogits.log_softmax(1)).sum();
        return (matching + Options.EntropyWeight * entropy).MoveToOuterDisposeScope();
    }
}
