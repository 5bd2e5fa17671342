using MIForge.Abstractions;
using MIForge.Plugins.Attacks.Latent;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MIForge.Plugins.Attacks.Gmi;

/// <summary>GMI (Zhang et al. 2020): from z ~ N(0, I), minimise −D(G(z)) + λ·CE(f(G(z)), c) by Nesterov
/// SGD with z clamped to [−1, 1]; several restarts, keeping per reconstruction the one the target
/// is most confident in.</summary>
[Plugin("gmi", "GMI: latent search in a GAN prior, loss −D(G(z)) + λ·CE(f(G(z)), c), momentum SGD, restarts")]
public sealed class GmiAttack(GmiOptions options, IRunContext context, IProgressReporter progress, IPluginFactory factory)
    : LatentAttack<GmiOptions>(options, context, progress, factory)
{
    /// <inheritdoc/>
    protected override string Name => "gmi";

    /// <inheritdoc/>
    protected override long StepsPerBatch => (long)Options.Iterations * Options.Restarts;

    /// <inheritdoc/>
    protected override Tensor Search(ClassBatch batch, Tensor labels, IPrior prior, InversionLoss loss, Func<long, double, string, bool> report)
    {
        Tensor? best = null, bestScore = null;
        try
        {
            for (var restart = 0; restart < Options.Restarts; restart++)
            {
                SeedFor(batch, $"restart {restart}");
                using var z = Optimise(batch, labels, prior, loss, restart, report);
                using var scope = NewDisposeScope();
                Tensor score;
                using (no_grad()) score = loss.Confidence(prior.Generate(z), labels);
                if (best is null)
                {
                    best = z.clone().DetachFromDisposeScope();
                    bestScore = score.clone().DetachFromDisposeScope();
                    continue;
                }
                var better = score.gt(bestScore!);
                var nextBest = where(better.unsqueeze(1), z, best).DetachFromDisposeScope();
                var nextScore = where(better, score, bestScore!).DetachFromDisposeScope();
                best.Dispose();
                bestScore!.Dispose();
                (best, bestScore) = (nextBest, nextScore);
            }
            bestScore?.Dispose();
            return best!;
        }
        catch
        {
            best?.Dispose();
            bestScore?.Dispose();
            throw;
        }
    }

    private Tensor Optimise(ClassBatch batch, Tensor labels, IPrior prior, InversionLoss loss, int restart, Func<long, double, string, bool> report)
    {
        var z = new Parameter(prior.SampleLatents(batch.Rows).DetachFromDisposeScope());
        using var opt = optim.SGD(new[] { z }, Options.LearningRate, momentum: Options.Momentum, nesterov: Options.Momentum > 0);
        var part = Options.Restarts > 1 ? $"restart {restart + 1}/{Options.Restarts}" : "";
        for (var i = 0; i < Options.Iterations; i++)
        {
            using var scope = NewDisposeScope();
            var value = loss.Of(prior.Generate(z), labels);
            z.grad = autograd.grad(new[] { value }, new[] { z })[0];
            opt.step();
            Clip(z);
            report((long)restart * Options.Iterations + i + 1, value.ToDouble(), part);
        }
        z.grad = null;
        z.requires_grad_(false);
        return z;
    }
}
