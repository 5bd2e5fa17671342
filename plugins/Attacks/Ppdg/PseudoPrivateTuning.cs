using MIForge.Abstractions;
using MIForge.Numerics.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Attacks.Ppdg;

/// <summary>Step (d) of PPDG-MI: continues the prior's own training (its Adam, n_critic, losses) for
/// <see cref="PpdgOptions.TuneSteps"/> steps on the public images plus the pseudo-private ones, adding
/// for the point-wise and MMD variants a target-feature distance to the generator's loss.</summary>
public sealed class PseudoPrivateTuning(PpdgOptions options)
{
    /// <summary>Fine-tunes <paramref name="prior"/> (a clone) toward <paramref name="pseudoPrivate"/>; logs go to <paramref name="logDirectory"/>.</summary>
    public void Run(IPrior prior, Reconstructions pseudoPrivate, AttackRequest request, string logDirectory)
    {
        var publicData = request.PublicData
            ?? throw new InvalidOperationException("the ppdg attack tunes the prior on public plus pseudo-private images, but the attack was given no public data");
        Directory.CreateDirectory(logDirectory);
        using var data = Combined(publicData, pseudoPrivate, request.Target.ClassCount, Repeats(publicData.Count, pseudoPrivate.Images.shape[0]));
        var training = new PriorTraining(data, prior is ITargetAwarePrior ? request.Target.Classifier : null, options.TuneSteps) { LogDirectory = logDirectory };
        if (options.Tuning == PpdgTuning.Gan)
        {
            prior.Train(training);
            return;
        }
        var latents = pseudoPrivate.Latents
            ?? throw new InvalidOperationException($"the {options.Tuning.ManifestName()} tuning samples near the pseudo-private latents, but the base attack '{options.Attack.Name}' returned none; use tuning 'gan'");
        var target = request.Target.Classifier;
        target.Module.eval();
        using var anchors = FeaturesOf(target, pseudoPrivate.Images);
        var frozen = target.Module.parameters().Where(p => p.requires_grad).ToArray();
        foreach (var p in frozen) p.requires_grad_(false);
        try
        {
            prior.Train(training with { GeneratorObjective = generate => Distance(generate, target, latents, anchors) });
        }
        finally
        {
            foreach (var p in frozen) p.requires_grad_(true);
        }
    }

    private Tensor Distance(Func<Tensor, Tensor> generate, IClassifier target, Tensor latents, Tensor anchors)
    {
        using var scope = NewDisposeScope();
        var z = latents + options.Neighbourhood * randn_like(latents);
        using var output = target.Forward(generate(z));
        var distance = options.Tuning == PpdgTuning.PointWise
            ? (output.Features - anchors).pow(2).sum(1).mean()
            : Mmd.Squared(Mmd.GaussianLadder(output.Features, anchors), output.Features, anchors);
        return (options.DistanceWeight * distance).MoveToOuterDisposeScope();
    }

    private static Tensor FeaturesOf(IClassifier target, Tensor images)
    {
        using var _ = no_grad();
        using var output = target.Forward(images);
        return output.Features.detach();
    }

    /// <summary>Copies of each pseudo-private image so they make up <see cref="PpdgOptions.PseudoPrivateShare"/> of the tuning data (at least one).</summary>
    public int Repeats(long publicCount, long pseudoPrivateCount)
    {
        var share = options.PseudoPrivateShare;
        if (share <= 0 || pseudoPrivateCount == 0) return 1;
        return (int)Math.Max(1, Math.Round(share * publicCount / ((1 - share) * pseudoPrivateCount)));
    }

    /// <summary>Public images followed by <paramref name="repeats"/> copies of the pseudo-private ones (labelled with their target class; the GAN priors ignore labels).</summary>
    private static ImageSet Combined(ImageSet publicData, Reconstructions pseudoPrivate, int targetClasses, int repeats)
    {
        using var scope = NewDisposeScope();
        var device = publicData.Images.device;
        var extra = pseudoPrivate.Images.detach().to(device).repeat(repeats, 1, 1, 1);
        var extraLabels = pseudoPrivate.Classes.to(publicData.Labels.device).repeat(repeats);
        var images = cat(new[] { publicData.Images, extra }, 0);
        var labels = cat(new[] { publicData.Labels, extraLabels }, 0);
        return new ImageSet(images.DetachFromDisposeScope(), labels.DetachFromDisposeScope(), Math.Max(publicData.ClassCount, targetClasses));
    }
}
