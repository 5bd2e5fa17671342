using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Abstractions;

/// <summary>What a prior is trained on.</summary>
/// <param name="Data">Public images (no private classes); labels are the dataset's, not the target's.</param>
/// <param name="Target">The target classifier, given only to an <see cref="ITargetAwarePrior"/>.</param>
/// <param name="Steps">Overrides the prior's configured training length (e.g. a short fine-tune); null keeps it.</param>
public sealed record PriorTraining(ImageSet Data, IClassifier? Target = null, long? Steps = null)
{
    /// <summary>Fine-tuning only: a scalar added to the generator's loss at each generator step, given the generator (latents [n,d] → images, differentiable in its weights); null adds nothing.</summary>
    public Func<Func<torch.Tensor, torch.Tensor>, torch.Tensor>? GeneratorObjective { get; init; }

    /// <summary>Folder for this training's logs and samples; null means the stage folder.</summary>
    public string? LogDirectory { get; init; }
}
