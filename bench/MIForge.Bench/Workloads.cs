using TorchSharp.Modules;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Bench;

/// <summary>The benchmark workloads; pytorch_bench.py defines the same ones in Python.</summary>
internal static class Workloads
{
    /// <summary>The MNIST CNN: conv 32, conv 64, max-pool, linear 128, linear 10.</summary>
    public static Sequential MnistCnn() => nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(64 * 12 * 12, 128), nn.ReLU(), nn.Linear(128, 10));

    /// <summary>DCGAN generator for 32×32×1 from z ∈ R^100.</summary>
    public static Sequential Generator() => nn.Sequential(
        nn.ConvTranspose2d(100, 256, 4, 1, 0, bias: false), nn.BatchNorm2d(256), nn.ReLU(),
        nn.ConvTranspose2d(256, 128, 4, 2, 1, bias: false), nn.BatchNorm2d(128), nn.ReLU(),
        nn.ConvTranspose2d(128, 64, 4, 2, 1, bias: false), nn.BatchNorm2d(64), nn.ReLU(),
        nn.ConvTranspose2d(64, 1, 4, 2, 1, bias: false), nn.Tanh());

    /// <summary>DCGAN critic for 32×32×1 (instance norm, no batch norm, as WGAN-GP needs).</summary>
    public static Sequential Critic() => nn.Sequential(
        nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2),
        nn.Conv2d(64, 128, 4, 2, 1), nn.InstanceNorm2d(128, affine: true), nn.LeakyReLU(0.2),
        nn.Conv2d(128, 256, 4, 2, 1), nn.InstanceNorm2d(256, affine: true), nn.LeakyReLU(0.2),
        nn.Conv2d(256, 1, 4, 1, 0), nn.Flatten(0));

    /// <summary>One critic step with gradient penalty (λ=10) and one generator step.</summary>
    public static void WganGpStep(Sequential g, Sequential d, Adam optG, Adam optD, Tensor real)
    {
        using var scope = NewDisposeScope();
        var n = real.size(0);
        var z = randn(n, 100, 1, 1);
        Tensor fake;
        using (no_grad()) fake = g.forward(z);
        optD.zero_grad();
        var alpha = rand(n, 1, 1, 1);
        var mix = (real * alpha + fake * (1 - alpha)).requires_grad_();
        var dMix = d.forward(mix);
        var grad = autograd.grad(new[] { dMix.sum() }, new[] { mix }, retain_graph: true, create_graph: true)[0];
        var gp = (linalg.vector_norm(grad.flatten(1), 2, new long[] { 1 }) - 1).pow(2).mean();
        var lossD = d.forward(fake).mean() - d.forward(real).mean() + 10 * gp;
        lossD.backward();
        optD.step();
        optG.zero_grad();
        var lossG = -d.forward(g.forward(randn(n, 100, 1, 1))).mean();
        lossG.backward();
        optG.step();
    }
}
