using MIForge.Abstractions;
using MIForge.Plugins.Attacks.Latent;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MIForge.Plugins.Attacks.KedMi;

/// <summary>KED-MI's distributional recovery (Chen et al. 2021): learns a Gaussian N(μ_c, diag σ_c²) per
/// class (μ=0, log σ²=1 at start) with Adam through the reparameterisation z = μ + σ·ε (clamped),
/// minimising −realness + λ·identity loss; reconstructions are samples of the learned Gaussians.
/// With a kedmi-gan prior the realness term is KED-MI's softplus(lse) − lse.</summary>
[Plugin("kedmi", "KED-MI: learns a Gaussian latent distribution per class, then samples reconstructions from it")]
public sealed class KedMiAttack(KedMiOptions options, IRunContext context, IProgressReporter progress, IPluginFactory factory)
    : LatentAttack<KedMiOptions>(options, context, progress, factory)
{
    /// <inheritdoc/>
    protected override string Name => "kedmi";

    /// <inheritdoc/>
    protected override long StepsPerBatch => Options.Iterations;

    /// <inheritdoc/>
    protected override Tensor Search(ClassBatch batch, Tensor labels, IPrior prior, InversionLoss loss, Func<long, double, string, bool> report)
    {
        SeedFor(batch, "distribution");
        var k = batch.Classes.Count;
        var d = (long)prior.LatentDim;
        var device = Context.Device;
        using var mu = new Parameter(zeros(new[] { k, d }, device: device).DetachFromDisposeScope());
        using var logVar = new Parameter(ones(new[] { k, d }, device: device).DetachFromDisposeScope());
        using var opt = optim.Adam(new[] { mu, logVar }, Options.LearningRate);
        using var stepLabels = new ClassBatch(batch.Index, batch.Classes, Options.SamplesPerStep).Labels(device);
        for (var i = 0; i < Options.Iterations; i++)
        {
            using var scope = NewDisposeScope();
            var z = Sample(mu, logVar, Options.SamplesPerStep);
            var value = loss.Of(prior.Generate(z), stepLabels);
            var grads = autograd.grad(new[] { value }, new[] { mu, logVar });
            mu.grad = grads[0];
            logVar.grad = grads[1];
            opt.step();
            report(i + 1, value.ToDouble(), "");
        }
        mu.grad = null;
        logVar.grad = null;
        SeedFor(batch, "samples");
        using (no_grad()) return Sample(mu, logVar, batch.PerClass).DetachFromDisposeScope();
    }

    /// <summary>[k·n, d] latents, class-major: n draws of each class's Gaussian, clamped.</summary>
    private Tensor Sample(Tensor mu, Tensor logVar, int n)
    {
        using var scope = NewDisposeScope();
        var k = mu.shape[0];
        var d = mu.shape[1];
        var mean = mu.unsqueeze(1).expand(k, n, d).reshape(k * n, d);
        var std = (0.5 * logVar).exp().unsqueeze(1).expand(k, n, d).reshape(k * n, d);
        var z = mean + std * randn_like(mean);
        if (Options.Clip > 0) z = z.clamp(-Options.Clip, Options.Clip);
        return z.MoveToOuterDisposeScope();
    }
}
