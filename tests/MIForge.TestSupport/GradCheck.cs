using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.TestSupport;

/// <summary>Compares autograd gradients with central finite differences in float64 (a non-scalar output is summed).</summary>
public static class GradCheck
{
    /// <summary>Asserts d f(inputs)/d input_i from autograd matches finite differences for every input.</summary>
    public static void Assert(Func<Tensor[], Tensor> f, params Tensor[] inputs)
    {
        using var scope = NewDisposeScope();
        foreach (var x in inputs) x.requires_grad = true;
        var y = f(inputs);
        var grads = autograd.grad(new[] { y.sum() }, inputs);
        for (var k = 0; k < inputs.Length; k++)
        {
            var analytic = grads[k].cpu().contiguous().data<double>().ToArray();
            Xunit.Assert.All(analytic, g => Xunit.Assert.True(double.IsFinite(g)));
            var numeric = Numeric(f, inputs, k);
            Xunit.Assert.Equal(numeric.Length, analytic.Length);
            for (var i = 0; i < numeric.Length; i++)
                Xunit.Assert.True(Math.Abs(numeric[i] - analytic[i]) <= 1e-6 + 1e-5 * Math.Abs(numeric[i]),
                    $"input {k} element {i}: autograd {analytic[i]}, finite difference {numeric[i]}");
        }
    }

    private static double[] Numeric(Func<Tensor[], Tensor> f, Tensor[] inputs, int k)
    {
        const double h = 1e-6;
        using var _ = no_grad();
        var x = inputs[k];
        var n = (int)x.numel();
        var result = new double[n];
        using var flat = x.view(-1);
        for (var i = 0; i < n; i++)
        {
            using var e = flat[i];
            var orig = e.item<double>();
            e.fill_(orig + h);
            double plus; using (var s = f(inputs).sum()) plus = s.item<double>();
            e.fill_(orig - h);
            double minus; using (var s = f(inputs).sum()) minus = s.item<double>();
            e.fill_(orig);
            result[i] = (plus - minus) / (2 * h);
        }
        return result;
    }
}
