using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Numerics;

/// <summary>The free energy of a classifier's logits (Liu et al., 2020): low for inputs the model
/// recognises, high for outliers. Shared by the energy OOD scorer and energy-margin training.</summary>
public static class EnergyScore
{
    /// <summary>E(x) = −T·logsumexp(f(x)/T) over the last dimension of <paramref name="logits"/> [N, C]: [N], differentiable.</summary>
    public static Tensor Energy(Tensor logits, double temperature = 1)
    {
        if (!(temperature > 0)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the temperature must be positive");
        using var scope = NewDisposeScope();
        var e = (logits / temperature).logsumexp(-1) * -temperature;
        return e.MoveToOuterDisposeScope();
    }
}
