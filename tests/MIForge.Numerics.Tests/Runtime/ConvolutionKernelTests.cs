using MIForge.Numerics.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Numerics.Tests.Runtime;

/// <summary>With oneDNN off (as in every miforge process and test assembly), float32 convolutions agree with the
/// same convolutions in float64 (which never run on oneDNN) on one and on two threads. With oneDNN on, libtorch
/// 2.10 failed these on this project's machine for single-channel inputs and single-output transposed convolutions.</summary>
public sealed class ConvolutionKernelTests
{
    [Fact]
    public void OneDnn_is_off_in_a_test_process()
    {
        Assert.False(OneDnnKernels.Enabled);
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
