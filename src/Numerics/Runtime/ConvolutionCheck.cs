using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Numerics.Runtime;

/// <summary>A self-check of libtorch's float32 convolution kernels: the shapes whose oneDNN kernels were found wrong
/// on one machine (1-channel convolutions, 1-output transposed convolutions, and their neighbours), each computed in
/// float32 and in float64 (which never runs on oneDNN), on one thread and on two: the output, the input and weight
/// gradients (with a graph, as a gradient penalty takes them) and the second-order weight gradient. Uses its own
/// generator, so the global random state is untouched. About a tenth of a second on a laptop CPU.</summary>
public static class ConvolutionCheck
{
    /// <summary>A convolution in the check: input channels, outputs, kernel, stride, padding, transposed.</summary>
    public sealed record Shape(int Channels, int Outputs, int Kernel, int Stride, int Padding, bool Transposed)
    {
        /// <summary>e.g. "1→8 5×5 convolution (stride 2, padding 2)".</summary>
        public override string ToString() =>
            $"{Channels}→{Outputs} {Kernel}×{Kernel} {(Transposed ? "transposed convolution" : "convolution")} (stride {Stride}, padding {Padding})";
    }

    /// <summary>The shapes checked.</summary>
    public static IReadOnlyList<Shape> Shapes { get; } =
    [
        new(1, 8, 5, 2, 2, false), new(1, 8, 5, 1, 2, false), new(1, 8, 3, 1, 1, false), new(1, 8, 4, 2, 1, false),
        new(3, 8, 5, 2, 2, false), new(8, 1, 4, 1, 0, false),
        new(8, 1, 5, 2, 2, true), new(1, 8, 5, 2, 2, true), new(16, 8, 5, 2, 2, true),
    ];

    /// <summary>Null when every float32 result agrees with float64 (relative 1e-3, absolute 1e-4) under
    /// <paramref name="convolve"/> (libtorch's own functional convolution by default); otherwise what disagreed,
    /// by how much, on how many threads.</summary>
    public static string? Run(Func<Tensor, Tensor, Shape, Tensor>? convolve = null)
    {
        convolve ??= Convolve;
        var threads = get_num_threads();
        try
        {
            foreach (var shape in Shapes)
            {
                using var scope = NewDisposeScope();
                var generator = new Generator(11);
                var side = shape.Transposed ? 8 : 16;
                var x = rand([4, shape.Channels, side, side], generator: generator);
                long[] weightShape = shape.Transposed
                    ? [shape.Channels, shape.Outputs, shape.Kernel, shape.Kernel]
                    : [shape.Outputs, shape.Channels, shape.Kernel, shape.Kernel];
                var w = rand(weightShape, generator: generator) - 0.5;
                var expected = Results(x.to(float64), w.to(float64), shape, Convolve);
                foreach (var t in new[] { 1, 2 })
                {
                    set_num_threads(t);
                    var got = Results(x, w, shape, convolve);
                    for (var k = 0; k < got.Length; k++)
                    {
                        var g = got[k].to(float64);
                        if (!g.allclose(expected[k], 1e-3, 1e-4))
                        {
                            var off = (g - expected[k]).abs().nan_to_num(double.PositiveInfinity).max().ToDouble();
                            return $"{Names[k]} of a {shape} off by {off:G3} against float64 on {t} thread{(t == 1 ? "" : "s")}";
                        }
                    }
                }
            }
            return null;
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    private static readonly string[] Names = ["output", "input gradient", "weight gradient", "second-order weight gradient"];

    /// <summary>libtorch's functional convolution (or transposed convolution) of <paramref name="x"/> by <paramref name="w"/> with
    /// the shape's stride and padding: what <see cref="Run"/> checks by default.</summary>
    public static Tensor Convolve(Tensor x, Tensor w, Shape s) => s.Transposed
        ? nn.functional.conv_transpose2d(x, w, null, [s.Stride, s.Stride], [s.Padding, s.Padding], [s.Stride - 1, s.Stride - 1])
        : nn.functional.conv2d(x, w, strides: [s.Stride, s.Stride], padding: [s.Padding, s.Padding]);

    private static Tensor[] Results(Tensor images, Tensor weights, Shape shape, Func<Tensor, Tensor, Shape, Tensor> convolve)
    {
        var x = images.detach().clone().requires_grad_();
        var w = weights.detach().clone().requires_grad_();
        var y = convolve(x, w, shape);
        var grads = autograd.grad([y.pow(2).sum()], [x, w], retain_graph: true, create_graph: true);
        var second = autograd.grad([grads[0].pow(2).sum()], [w])[0];
        return [y.detach(), grads[0].detach(), grads[1].detach(), second.detach()];
    }
}
