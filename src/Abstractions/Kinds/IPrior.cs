using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Abstractions;

/// <summary>A generative image prior an attack searches in (WGAN-GP, KED-MI GAN, conditional GAN).
/// Optional abilities: <see cref="ITargetAwarePrior"/>, <see cref="IFineTunablePrior"/>.</summary>
public interface IPrior : IDisposable
{
    /// <summary>Length of one latent vector.</summary>
    int LatentDim { get; }

    /// <summary>Draws [count, LatentDim] latents from the prior's latent distribution on the run device.</summary>
    torch.Tensor SampleLatents(long count);

    /// <summary>Images [n,C,H,W] in [0,1] for latents [n, LatentDim]; differentiable in the latents.</summary>
    torch.Tensor Generate(torch.Tensor latents);

    /// <summary>Critic score [n] for images; higher means more realistic; differentiable in the images.</summary>
    torch.Tensor Realness(torch.Tensor images);

    /// <summary>Trains from the current parameters (so a loaded or cloned prior is fine-tuned).</summary>
    void Train(PriorTraining training);

    /// <summary>Writes everything needed to restore the prior into <paramref name="directory"/> (safetensors).</summary>
    void Save(string directory);

    /// <summary>Restores a prior written by <see cref="Save"/> with the same options.</summary>
    void Load(string directory);

    /// <summary>An independent deep copy, for fine-tuning without touching this one.</summary>
    IPrior Clone();
}
