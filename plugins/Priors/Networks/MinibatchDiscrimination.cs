using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MIForge.Plugins.Priors.Networks;

/// <summary>Minibatch discrimination (Salimans et al. 2016): appends, per sample, B closeness scores
/// Σ_j exp(−‖M_i,b − M_j,b‖₁) to the other samples of the batch, M = x·T reshaped to [n, B, C].</summary>
public sealed class MinibatchDiscrimination : nn.Module<Tensor, Tensor>
{
    private readonly Parameter kernels;
    private readonly long outFeatures, kernelDims;

    /// <summary>A layer from <paramref name="inFeatures"/> to inFeatures + <paramref name="outFeatures"/>.</summary>
    public MinibatchDiscrimination(long inFeatures, long outFeatures, long kernelDims) : base(nameof(MinibatchDiscrimination))
    {
        (this.outFeatures, this.kernelDims) = (outFeatures, kernelDims);
        // Outside any caller's dispose scope: the layer owns its parameter.
        // [A, B, C] as KED-MI's reference keeps its T (so its state_dicts import as they are), used as [A, B·C]
        kernels = nn.Parameter(randn(inFeatures, outFeatures, kernelDims).DetachFromDisposeScope());
        register_parameter("kernels", kernels);
    }

    /// <summary>[n, A] → [n, A + B].</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var m = x.matmul(kernels.view(kernels.size(0), -1)).view(-1, outFeatures, kernelDims);
        var l1 = (m.unsqueeze(0) - m.unsqueeze(1)).abs().sum(3);
        var closeness = (-l1).exp().sum(dim: 0) - 1;
        return cat(new[] { x, closeness }, 1).MoveToOuterDisposeScope();
    }
}
