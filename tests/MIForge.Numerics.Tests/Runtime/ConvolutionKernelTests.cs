using MIForge.Numerics.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Numerics.Tests.Runtime;

/// <summary>With oneDNN chosen as in every miforge process and test assembly (auto: on only where the convolution check
/// passes), float32 convolutions agree with the same convolutions in float64 (which never run on oneDNN) on one and on
/// two threads. With oneDNN on, libtorch 2.10 failed these on an AMD EPYC for single-channel inputs and
/// single-output transposed convolutions. The tests that switch oneDNN run alone (no other test in parallel).</summary>
[Collection(OneDnnSwitching.Name)]
public sealed class ConvolutionKernelTests
{
    [Fact]
    public void The_test_process_follows_the_check()
    {
        Assert.NotNull(OneDnnKernels.Reason);
        Assert.StartsWith(OneDnnKernels.Enabled ? "on" : "off", OneDnnKernels.Reason);
        if (Environment.GetEnvironmentVariable("MIFORGE_ONEDNN") is null or "" or "auto")
            Assert.Equal(OneDnnKernels.Enabled, OneDnnKernels.Reason!.StartsWith("on (float32 convolutions agreed", StringComparison.Ordinal));
    }

    [Fact]
    public void Modes_switch_the_kernels_and_a_bad_mode_names_the_key()
    {
        var before = Environment.GetEnvironmentVariable("MIFORGE_ONEDNN");
        try
        {
            Assert.Equal("off (ONEDNN=off)", OneDnnKernels.Configure("off"));
            Assert.False(OneDnnKernels.Enabled);
            Assert.StartsWith("on (ONEDNN=on, not checked", OneDnnKernels.Configure(" ON "));
            Assert.True(OneDnnKernels.Enabled);
            var e = Assert.Throws<ArgumentException>(() => OneDnnKernels.Configure("fast"));
            Assert.Contains("MIFORGE_ONEDNN", e.Message);
            Assert.Contains("auto, on, off", e.Message);
            Assert.Contains("'fast'", e.Message);
        }
        finally
        {
            OneDnnKernels.Configure(before);
        }
    }

    [Fact]
    public void A_chosen_mode_waits_for_Ensure_and_is_applied_once()
    {
        var before = Environment.GetEnvironmentVariable("MIFORGE_ONEDNN");
        try
        {
            Assert.StartsWith("on (ONEDNN=on, not checked", OneDnnKernels.Configure("on"));
            OneDnnKernels.Choose("off");
            Assert.True(OneDnnKernels.Enabled);
            Assert.StartsWith("on (ONEDNN=on, not checked", OneDnnKernels.Reason);
            Assert.Equal("off (ONEDNN=off)", OneDnnKernels.Ensure());
            Assert.False(OneDnnKernels.Enabled);
            OneDnnKernels.Configure("on");
            Assert.StartsWith("on (ONEDNN=on, not checked", OneDnnKernels.Ensure());
            Assert.True(OneDnnKernels.Enabled);
            var e = Assert.Throws<ArgumentException>(() => OneDnnKernels.Choose("fast"));
            Assert.Contains("MIFORGE_ONEDNN", e.Message);
            Assert.StartsWith("on (ONEDNN=on, not checked", OneDnnKernels.Ensure());
        }
        finally
        {
            OneDnnKernels.Configure(before);
        }
    }

    [Fact]
    public void The_check_passes_libtorch_kernels_without_oneDNN()
    {
        var before = Environment.GetEnvironmentVariable("MIFORGE_ONEDNN");
        try
        {
            OneDnnKernels.Configure("off");
            Assert.Null(ConvolutionCheck.Run());
        }
        finally
        {
            OneDnnKernels.Configure(before);
        }
    }

    [Fact]
    public void The_check_names_a_kernel_that_is_off_on_two_threads()
    {
        // A stand-in for a faulty kernel: right on one thread, its 1-channel input gradient wrong on two.
        var fault = ConvolutionCheck.Run((x, w, shape) =>
        {
            var y = ConvolutionCheck.Convolve(x, w, shape);
            return get_num_threads() == 2 && shape.Channels == 1 && !shape.Transposed ? y + 0.01 * x.mean() * y.detach() : y;
        });
        Assert.NotNull(fault);
        Assert.Contains("1→8 5×5 convolution (stride 2, padding 2)", fault);
        Assert.Contains("on 2 threads", fault);
    }

    [Theory]
    [InlineData(1, 5, 2, 2)]
    [InlineData(1, 5, 1, 2)]
    [InlineData(1, 3, 1, 1)]
    [InlineData(1, 4, 2, 1)]
    [InlineData(3, 5, 2, 2)]
    public void Convolution_agrees_with_float64(int channels, int kernel, int stride, int padding) =>
        AgreesWithFloat64(() => nn.Conv2d(channels, 8, kernel, stride, padding), channels, 16);

    [Theory]
    [InlineData(8, 1)]
    [InlineData(1, 8)]
    [InlineData(16, 8)]
    public void Transposed_convolution_agrees_with_float64(int channels, int outputs) =>
        AgreesWithFloat64(() => nn.ConvTranspose2d(channels, outputs, 5, 2, 2, output_padding: 1), channels, 8);

    private static void AgreesWithFloat64(Func<nn.Module<Tensor, Tensor>> create, int channels, int side)
    {
        var threads = get_num_threads();
        try
        {
            using var scope = NewDisposeScope();
            var x = rand(new long[] { 8, channels, side, side }, generator: new Generator(11));
            var single = create();
            var dbl = create();
            dbl.load_state_dict(single.state_dict());
            dbl.to(float64);
            var expected = Gradients(dbl, x.to(float64));
            foreach (var t in new[] { 1, 2 })
            {
                set_num_threads(t);
                for (var i = 0; i < 3; i++)
                {
                    var got = Gradients(single, x);
                    for (var k = 0; k < got.Length; k++)
                        Assert.True(got[k].to(float64).allclose(expected[k], 1e-3, 1e-4),
                            $"{new[] { "output", "input gradient", "weight gradient" }[k]} on {t} thread(s), call {i + 1}: max |Δ| {(got[k].to(float64) - expected[k]).abs().max().ToDouble()}");
                }
            }
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    /// <summary>Output, input gradient (with a graph, as the gradient penalty takes it) and weight gradient.</summary>
    private static Tensor[] Gradients(nn.Module<Tensor, Tensor> conv, Tensor images)
    {
        var x = images.detach().clone().requires_grad_();
        var y = conv.forward(x);
        var input = autograd.grad([y.pow(2).sum()], [x], retain_graph: true, create_graph: true)[0];
        conv.zero_grad();
        y.pow(2).sum().backward();
        var weight = conv.parameters().First().grad!;
        return [y.detach().clone(), input.detach().clone(), weight.detach().clone()];
    }
}

/// <summary>Tests that switch libtorch's oneDNN kernels, which no other test may run beside.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OneDnnSwitching
{
    public const string Name = "oneDNN switching";
}
