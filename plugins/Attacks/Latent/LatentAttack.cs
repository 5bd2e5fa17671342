using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Attacks.Latent;

/// <summary>The frame every latent attack here shares: checks access and prior, prepares the models
/// (LOMMA surrogates), runs class batches in order with seeds derived per batch, and assembles
/// the reconstructions. Subclasses search latents for one batch.</summary>
public abstract class LatentAttack<TOptions>(TOptions options, IRunContext context, IProgressReporter progress, IPluginFactory? factory) : IAttack
    where TOptions : LatentAttackOptions
{
    /// <summary>The bound options.</summary>
    protected TOptions Options { get; } = options;

    /// <summary>The stage this attack runs in.</summary>
    protected IRunContext Context { get; } = context;

    /// <summary>Where optimisation progress goes.</summary>
    protected IProgressReporter Progress { get; } = progress;

    /// <summary>The attack's name, for messages and seeds.</summary>
    protected abstract string Name { get; }

    /// <summary>Gradients of the target are needed.</summary>
    public TargetAccess Requires => TargetAccess.WhiteBox;

    /// <summary>Optimisation steps one batch takes (for progress totals).</summary>
    protected abstract long StepsPerBatch { get; }

    /// <summary>Finds latents [batch.Rows, d] for <paramref name="batch"/> (rows class-major); detached, caller owns.</summary>
    protected abstract Tensor Search(ClassBatch batch, Tensor labels, IPrior prior, InversionLoss loss, Func<long, double, string, bool> report);

    /// <inheritdoc/>
    public Reconstructions Invert(AttackRequest request)
    {
        var prior = request.Prior ?? throw new InvalidOperationException($"the {Name} attack searches a prior's latent space, but the manifest gives no prior");
        if (request.Target.Access < TargetAccess.WhiteBox)
            throw new UnauthorizedAccessException($"the {Name} attack needs white-box access to the target");
        using var models = InversionModels.Prepare(request, Options.Lomma, factory, Context, Progress);
        var loss = new InversionLoss(prior, models, Options);
        var batches = ClassBatch.Split(request.Classes, request.PerClass, Options.ClassBatch);
        var total = batches.Count * StepsPerBatch;
        var images = new List<Tensor>();
        var latents = new List<Tensor>();
        var labels = new List<Tensor>();
        try
        {
            long done = 0;
            foreach (var batch in batches)
            {
                var phase = $"{Name} classes {batch.Index + 1}/{batches.Count}";
                var rows = batch.Labels(Context.Device);
                labels.Add(rows);
                var z = Search(batch, rows, prior, loss, (step, value, part) =>
                {
                    Context.Cancellation.ThrowIfCancellationRequested();
                    Progress.Report(part.Length == 0 ? phase : $"{phase} {part}", done + step, total, value);
                    return true;
                });
                done += StepsPerBatch;
                latents.Add(z);
                using (no_grad())
                using (var generated = prior.Generate(z)) images.Add(generated.detach());
            }
            return new Reconstructions(
                cat(images.ToArray(), 0).DetachFromDisposeScope(),
                cat(labels.ToArray(), 0).DetachFromDisposeScope(),
                cat(latents.ToArray(), 0).DetachFromDisposeScope());
        }
        finally
        {
            foreach (var t in images.Concat(latents).Concat(labels)) t.Dispose();
        }
    }

    /// <summary>Seeds torch for one part of one batch (restart, sampling) from the stage seed.</summary>
    protected void SeedFor(ClassBatch batch, string part) => manual_seed(AttackSeed.Of(Context.Seed, Name, batch.Index, part));

    /// <summary>Clamps latents in place to [−clip, clip] when a clip is set.</summary>
    protected void Clip(Tensor z)
    {
        if (Options.Clip <= 0) return;
        using var _ = no_grad();
        z.clamp_(-Options.Clip, Options.Clip);
    }
}
