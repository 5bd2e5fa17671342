using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Priors.Training;

/// <summary>What one GAN loss sees: independent real batches, a generated batch and the target (if any).</summary>
/// <param name="Real">Real image batches, one per stream the prior asked for.</param>
/// <param name="Fake">Generated images (detached for the discriminator loss, attached for the generator loss).</param>
/// <param name="Target">The target classifier for target-aware priors, else null.</param>
public sealed record GanStep(torch.Tensor[] Real, torch.Tensor Fake, IClassifier? Target);
