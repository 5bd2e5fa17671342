using MIForge.Abstractions;
using MIForge.Plugins.Defenses.Bido;
using MIForge.Plugins.Defenses.Tests.Fakes;
using MIForge.Plugins.Dependency.Hsic;
using MIForge.Plugins.Dependency.Kernels;
using Newtonsoft.Json.Linq;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Defenses.Tests;

/// <summary>The BiDO objective: CE + Σ_j [λx·d(X, Z_j) − λy·d(Z_j, Y)], its terms and its gradients.</summary>
public class BidoTests
{
    private readonly TinyNet net = new();
    private readonly MeasureFactory factory = new();

    private Bido.Bido Create(double lambdaX, double lambdaY, string measure = "hsic", params string[] blocks) =>
        new(new BidoOptions { Measure = new(measure), LambdaX = lambdaX, LambdaY = lambdaY, Blocks = [.. blocks] }, factory);

    [Fact]
    public void With_zero_weights_the_loss_is_the_cross_entropy_and_every_term_is_reported()
    {
        using var scope = NewDisposeScope();
        var (x, y) = TinyNet.Batch();
        var batch = net.Step(net, x, y);
        var result = Create(0, 0).Loss(batch);
        Assert.Equal(batch.CrossEntropy.ToDouble(), result.Loss.ToDouble());
        Assert.Equal(["ce", "xz.h1", "zy.h1", "xz.h2", "zy.h2"], result.Terms.Keys);
        Assert.All(result.Terms.Values, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void The_loss_adds_the_weighted_terms_with_bidos_kernels()
    {
        using var scope = NewDisposeScope();
        var (x, y) = TinyNet.Batch();
        var batch = net.Step(net, x, y);
        var result = Create(2, 20).Loss(batch);
        var input = new Hsic(new HsicOptions());
        var label = new Hsic(new HsicOptions { KernelY = KernelKind.Linear });
        var onehot = nn.functional.one_hot(y, 3).to(ScalarType.Float32);
        var expected = batch.CrossEntropy.ToDouble();
        foreach (var (name, z) in batch.Output.Hidden)
        {
            var xz = input.Measure(x.flatten(1), z).ToDouble();
            var zy = label.Measure(z, onehot).ToDouble();
            Assert.Equal(xz, result.Terms[$"xz.{name}"], 1e-6);
            Assert.Equal(zy, result.Terms[$"zy.{name}"], 1e-6);
            expected += 2 * xz - 20 * zy;
        }
        Assert.Equal(expected, result.Loss.ToDouble(), 1e-3);
    }

    [Fact]
    public void The_label_measure_is_the_input_measure_with_a_linear_label_kernel_unless_given()
    {
        Create(1, 1, "coco");
        Assert.Equal("coco", factory.Asked[1].Name);
        Assert.Equal("linear", (string?)factory.Asked[1].Options!["kernelY"]);
        Assert.Null(factory.Asked[0].Options);

        var own = new JObject { ["kernelY"] = "gaussian", ["sigmaX"] = 2.0 };
        _ = new Bido.Bido(new BidoOptions { Measure = new("hsic", own) }, factory);
        Assert.Equal("gaussian", (string?)factory.Asked[3].Options!["kernelY"]);
        Assert.Equal(2.0, (double)factory.Asked[3].Options!["sigmaX"]!);
        Assert.False(ReferenceEquals(own, factory.Asked[3].Options), "the measure's own options must not be modified");

        _ = new Bido.Bido(new BidoOptions { Measure = new("dcor"), LabelMeasure = new("dcor") }, factory);
        Assert.Null(factory.Asked[5].Options);
    }

    [Theory]
    [InlineData("hsic")]
    [InlineData("coco")]
    [InlineData("dcor")]
    public void Gradients_reach_every_hidden_layer_and_differ_from_plain_cross_entropy(string measure)
    {
        using var scope = NewDisposeScope();
        var (x, y) = TinyNet.Batch();
        var defense = measure == "dcor"
            ? new Bido.Bido(new BidoOptions { Measure = new("dcor"), LabelMeasure = new("dcor"), LambdaX = 1, LambdaY = 5 }, factory)
            : Create(1, 5, measure);
        var plain = Gradient(net.Step(net, x, y).CrossEntropy);
        var defended = Gradient(defense.Loss(net.Step(net, x, y)).Loss);
        Assert.All(defended, g => Assert.True(double.IsFinite(g)));
        Assert.True(defended.Zip(plain).Max(p => Math.Abs(p.First - p.Second)) > 1e-6);
    }

    private double[] Gradient(Tensor loss)
    {
        var h1 = net.named_parameters().First(p => p.name == "h1.weight").parameter;
        var grads = autograd.grad(new[] { loss }, new Tensor[] { h1 });
        return grads[0]!.data<float>().ToArray().Select(f => (double)f).ToArray();
    }

    [Fact]
    public void Only_the_named_blocks_are_regularised_and_unknown_names_are_clear_errors()
    {
        using var scope = NewDisposeScope();
        var (x, y) = TinyNet.Batch();
        var result = Create(1, 1, "hsic", "h2").Loss(net.Step(net, x, y));
        Assert.Equal(["ce", "xz.h2", "zy.h2"], result.Terms.Keys);
        var error = Assert.Throws<InvalidOperationException>(() => Create(1, 1, "hsic", "layer9").Loss(net.Step(net, x, y)));
        Assert.Contains("'layer9'", error.Message);
        Assert.Contains("h1, h2", error.Message);
    }
}
