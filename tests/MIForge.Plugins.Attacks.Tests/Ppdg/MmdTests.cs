using MIForge.Numerics.Kernels;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Attacks.Tests.Ppdg;

public sealed class MmdTests
{
    [Fact]
    public void IsZeroForOneSampleAndGrowsWithTheShiftAndIsDifferentiable()
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var x = randn(40, 3);
        var near = randn(40, 3) + 0.2;
        var far = randn(40, 3) + 2;
        var kernel = Mmd.GaussianLadder(x, far);
        Assert.Equal(5, kernel.Kernels.Count);
        Assert.True(Math.Abs(Mmd.Squared(kernel, x, x).item<float>()) < 1e-5);
        Assert.True(Mmd.Squared(kernel, x, far).item<float>() > Mmd.Squared(kernel, x, near).item<float>() * 3);
        var y = far.clone().requires_grad_();
        var g = autograd.grad(new[] { Mmd.Squared(kernel, x, y) }, new[] { y })[0]!;
        Assert.True(g.abs().sum().item<float>() > 0);
    }
}
