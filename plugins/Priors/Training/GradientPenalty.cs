using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Priors.Training;

/// <summary>WGAN-GP's penalty (Gulrajani et al. 2017): E[(‖∇ₓ D(x̂)‖₂ − 1)²] at random
/// interpolates x̂ between real and generated images; differentiable in the critic's parameters.</summary>
public static class GradientPenalty
{
    /// <summary>The penalty for <paramref name="critic"/> between <paramref name="real"/> and <paramref name="fake"/> (same shape, fake detached).</summary>
    public static Tensor Of(Func<Tensor, Tensor> critic, Tensor real, Tensor fake)
    {
        using var scope = NewDisposeScope();
        var alpha = rand(new[] { real.shape[0], 1L, 1L, 1L }, device: real.device);
        var mix = (real + alpha * (fake - real)).detach().requires_grad_();
        var scores = critic(mix);
        var grad = autograd.grad(new[] { scores.sum() }, new[] { mix }, retain_graph: true, create_graph: true)[0]!;
        // sqrt(Σg² + ε): a critic flat at some interpolate (zero gradient) would otherwise give sqrt'(0) = ∞ and NaN weights
        var norm = (grad.flatten(1).pow(2).sum(1) + 1e-12).sqrt();
        return (norm - 1).pow(2).mean().MoveToOuterDisposeScope();
    }
}
