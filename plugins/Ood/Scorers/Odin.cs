using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Plugins.Ood.Scorers;

/// <summary>Options of <see cref="Odin"/>; defaults are OpenOOD's.</summary>
public sealed class OdinOptions
{
    /// <summary>Temperature T dividing the logits.</summary>
    [Range(1e-6, 1e6), Description("Temperature T: the score is max softmax(f(x')/T).")]
    public double Temperature { get; set; } = 1000;

    /// <summary>Perturbation size ε, in pixel units of images in [0, 1].</summary>
    [Range(0.0, 1.0), Description("Input perturbation epsilon, in pixel units of [0,1] images: x' = x − ε·sign(∇x CE(f(x)/T, ŷ)).")]
    public double Noise { get; set; } = 0.0014;
}

/// <summary>ODIN (Liang et al., 2018): temperature-scaled MSP after a small input step that raises
/// the predicted class's tempered softmax, x' = x − ε·sign(∇ₓ CE(f(x)/T, argmax f(x))).</summary>
[Plugin("odin", "Temperature-scaled MSP after an input perturbation (Liang et al. 2018)")]
public sealed class Odin(OdinOptions options) : IOodScorer
{
    /// <inheritdoc/>
    public Tensor Score(IClassifier model, Tensor images)
    {
        using var scope = NewDisposeScope();
        var perturbed = Perturb(model, images);
        using var noGrad = no_grad();
        using var output = model.Forward(perturbed);
        var (values, _) = (output.Logits / options.Temperature).softmax(1).max(1);
        return values.MoveToOuterDisposeScope();
    }

    /// <summary>x − ε·sign(∇ₓ loss), where a zero gradient counts as positive (as in ODIN's code).</summary>
    private Tensor Perturb(IClassifier model, Tensor images)
    {
        using var grad = enable_grad();
        var x = images.detach().requires_grad_();
        using var output = model.Forward(x);
        var predicted = output.Logits.detach().argmax(1);
        var loss = nn.functional.cross_entropy(output.Logits / options.Temperature, predicted);
        var g = autograd.grad([loss], [x])[0]!;
        var sign = g.ge(0).to(images.dtype) * 2 - 1;
        return (x.detach() - sign * options.Noise).detach();
    }
}
