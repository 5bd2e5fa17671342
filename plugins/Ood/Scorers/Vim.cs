using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using MIForge.Plugins.Ood.Fitting;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Ood.Scorers;

/// <summary>Options of <see cref="Vim"/>.</summary>
public sealed class VimOptions
{
    /// <summary>Dimension D of the principal subspace; 0 takes half the feature dimension.</summary>
    [Range(0, 1_000_000), Description("Dimension D of the principal subspace of the centred features; the residual is what is left. 0 means half the feature dimension.")]
    public int Dim { get; set; }
}

/// <summary>Virtual-logit matching (Wang et al., CVPR 2022): with origin u = −W⁺b of the last linear
/// layer and NS the eigenvectors of the centred features' second moment beyond the D largest,
/// score = logsumexp f(x) − α·‖(z − u)·NS‖, α = mean max-logit / mean residual norm on training data.</summary>
[Plugin("vim", "Virtual-logit matching: energy minus the scaled norm of the feature residual off the principal subspace (Wang et al. 2022)")]
public sealed class Vim(VimOptions options) : IOodScorer, IDisposable
{
    private Tensor? origin, residualBasis;
    private double alpha;

    /// <inheritdoc/>
    public void Fit(IClassifier model, ImageSet inDistribution)
    {
        Dispose();
        using var scope = NewDisposeScope();
        using var seen = Activations.Collect(model, inDistribution.Images);
        using var head = LinearHead.Of(model, seen.Features.device);
        var dim = seen.Features.shape[1];
        var principal = options.Dim == 0 ? dim / 2 : options.Dim;
        if (principal >= dim)
            throw new ArgumentException($"vim: the principal dimension {principal} must be below the feature dimension {dim}");
        var u = linalg.pinv(head.Weight).matmul(head.Bias).neg();
        var x = seen.Features - u;
        var (_, vectors) = linalg.eigh(x.t().matmul(x) / x.shape[0]);
        var ns = vectors.narrow(1, 0, dim - principal);
        var residual = linalg.vector_norm(x.matmul(ns), 2, [1]);
        var (maxLogit, _) = seen.Logits.max(1);
        alpha = maxLogit.mean().item<double>() / residual.mean().item<double>();
        origin = u.DetachFromDisposeScope();
        residualBasis = ns.contiguous().DetachFromDisposeScope();
    }

    /// <inheritdoc/>
    public Tensor Score(IClassifier model, Tensor images)
    {
        var u = NotFitted.Check(origin, "vim");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var output = model.Forward(images);
        var z = output.Features.flatten(1).to(ScalarType.Float64, u.device);
        var energy = output.Logits.to(ScalarType.Float64, u.device).logsumexp(1);
        var virtualLogit = linalg.vector_norm((z - u).matmul(residualBasis!), 2, [1]) * alpha;
        return (energy - virtualLogit).MoveToOuterDisposeScope();
    }

    /// <summary>Frees the fitted statistics.</summary>
    public void Dispose()
    {
        origin?.Dispose();
        residualBasis?.Dispose();
        origin = residualBasis = null;
    }
}
