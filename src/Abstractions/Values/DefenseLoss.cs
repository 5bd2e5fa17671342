using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Abstractions;

/// <summary>A defense's objective for one batch.</summary>
/// <param name="Loss">Scalar to minimise, differentiable in the model parameters.</param>
/// <param name="Terms">Named scalar parts of the loss (e.g. "hsic_xz", "hsic_zy") for logging.</param>
public sealed record DefenseLoss(torch.Tensor Loss, IReadOnlyDictionary<string, double> Terms);
