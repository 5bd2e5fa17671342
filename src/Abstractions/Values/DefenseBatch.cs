using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Abstractions;

/// <summary>One training step as a defense sees it.</summary>
/// <param name="Images">[B,C,H,W] private training images.</param>
/// <param name="Labels">[B] int64 target labels.</param>
/// <param name="ClassCount">Number of target classes.</param>
/// <param name="Model">The classifier being trained (to run auxiliary images through it).</param>
/// <param name="Output">The model's output on <paramref name="Images"/>.</param>
/// <param name="CrossEntropy">Mean cross-entropy of <paramref name="Output"/> against the labels.</param>
/// <param name="Auxiliary">[A,C,H,W] auxiliary OOD images when <see cref="IDefense.AuxiliaryBatchSize"/> &gt; 0.</param>
/// <param name="Epoch">Zero-based epoch.</param>
/// <param name="Epochs">Total epochs, so phased defenses know where they are.</param>
public sealed record DefenseBatch(
    torch.Tensor Images,
    torch.Tensor Labels,
    int ClassCount,
    IClassifier Model,
    ClassifierOutput Output,
    torch.Tensor CrossEntropy,
    torch.Tensor? Auxiliary,
    int Epoch,
    int Epochs)
{
    /// <summary>The model's output on <see cref="Auxiliary"/> from the same forward pass as <see cref="Output"/>,
    /// in the epochs an <see cref="IJointAuxiliaryForward"/> defense asks for it; null otherwise.</summary>
    public ClassifierOutput? AuxiliaryOutput { get; init; }
}
