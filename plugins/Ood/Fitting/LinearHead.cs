using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Ood.Fitting;

/// <summary>The classifier's last linear layer, logits = features·Wᵀ + b, found among its parameters
/// (ViM and ReAct recompute logits from features). Holds float64 copies without gradients.</summary>
internal sealed class LinearHead : IDisposable
{
    private LinearHead(Tensor weight, Tensor bias)
    {
        Weight = weight;
        Bias = bias;
    }

    /// <summary>W [C, d].</summary>
    public Tensor Weight { get; }

    /// <summary>b [C].</summary>
    public Tensor Bias { get; }

    /// <summary>features [N, d] → logits [N, C].</summary>
    public Tensor Logits(Tensor features) { using var wt = Weight.t(); return Bias.addmm(features, wt); }

    /// <summary>Finds a weight [C, d] and bias [C] pair that reproduces <paramref name="seen"/>'s logits from its features.</summary>
    public static LinearHead Find(IClassifier model, Activations seen)
    {
        var classes = seen.Logits.shape[1];
        var dim = seen.Features.shape[1];
        var parameters = model.Module.named_parameters().ToList();
        foreach (var (name, weight) in parameters.Where(p => p.parameter.shape.SequenceEqual(new[] { classes, dim })))
        {
            var prefix = name[..(name.LastIndexOf('.') + 1)];
            var bias = parameters.FirstOrDefault(p => p.name == prefix + "bias" && p.parameter.shape.SequenceEqual(new[] { classes })).parameter;
            using var scope = NewDisposeScope();
            var head = new LinearHead(weight.detach().to(ScalarType.Float64, seen.Features.device),
                bias is null ? zeros(new[] { classes }, ScalarType.Float64, seen.Features.device) : bias.detach().to(ScalarType.Float64, seen.Features.device));
            var error = (head.Logits(seen.Features) - seen.Logits).abs().max().item<double>();
            var scale = 1 + seen.Logits.abs().max().item<double>();
            if (error <= 1e-3 * scale)
            {
                head.Weight.DetachFromDisposeScope();
                head.Bias.DetachFromDisposeScope();
                return head;
            }
        }
        throw new InvalidOperationException(
            $"this scorer needs the classifier's last linear layer (a [{classes}, {dim}] weight and [{classes}] bias whose output equals the logits), and none was found among its parameters");
    }

    /// <summary>Disposes both tensors.</summary>
    public void Dispose()
    {
        Weight.Dispose();
        Bias.Dispose();
    }
}
