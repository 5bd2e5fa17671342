using MIForge.Numerics.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Numerics.Tests.Runtime;

/// <summary>With oneDNN capped (as every miforge process and test assembly does), convolutions on two threads
/// give the one-thread results. Without the cap, libtorch 2.10's AVX-512 backward-data kernel for single-channel
/// inputs gave wrong input gradients on two threads on this project's machine (20 of 20 calls, some NaN).</summary>
public sealed class OneDnnCpuIsaTests
{
    [Fact]
    public void The_cap_is_in_the_native_environment_before_any_convolution()
    {
        Assert.Equal(OneDnnCpuIsa.Apply(), OneDnnCpuIsa.Read(OneDnnCpuIsa.Variable) ?? OneDnnCpuIsa.Read("DNNL_MAX_CPU_ISA"));
    }

    [Theory]
    [InlineData(8, 1, 5, 2, 2)]
    [InlineData(1, 8, 5, 2, 2)]
    [InlineData(16, 8, 5, 2, 2)]
    public void Transposed_convolution_gradients_on_two_threads_equal_those_on_one(int channels, int outputs, int kernel, int stride, int padding)
    {
        var conv = nn.ConvTranspose2d(channels, outputs, kernel, stride, padding, output_padding: 1);
        AgreeOnTwoThreads(conv, channels, 8);
    }

    [Theory]
    [InlineData(1, 5, 2, 2)]
    [InlineData(1, 5, 1, 2)]
    [InlineData(1, 3, 1, 1)]
    [InlineData(1, 4, 2, 1)]
    [InlineData(3, 5, 2, 2)]
    public void Convolution_gradients_on_two_threads_equal_those_on_one(int channels, int kernel, int stride, int padding) =>
        AgreeOnTwoThreads(nn.Conv2d(channels, 8, kernel, stride, padding), channels, 16);

    private static void AgreeOnTwoThreads(nn.Module<Tensor, Tensor> conv, int channels, int side)
    {
        var threads = get_num_threads();
        try
        {
            using var scope = NewDisposeScope();
            var generator = new Generator(11);
            var x = rand(new long[] { 8, channels, side, side }, generator: generator);
            set_num_threads(1);
            var one = Gradients(conv, x);
            set_num_threads(2);
            for (var i = 0; i < 5; i++)
            {
                var two = Gradients(conv, x);
                for (var k = 0; k < one.Length; k++)
                    Assert.True(two[k].allclose(one[k], 1e-4, 1e-5), $"{new[] { "output", "input gradient", "weight gradient" }[k]} differs on two threads (call {i + 1}): max |Δ| {(two[k] - one[k]).abs().max().ToDouble()}");
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
