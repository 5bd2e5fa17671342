using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Abstractions;

/// <summary>The target classifier as an attack may use it, limited to the manifest's access level.</summary>
public interface ITargetModel
{
    /// <summary>The access level granted; members needing more throw <see cref="UnauthorizedAccessException"/>.</summary>
    TargetAccess Access { get; }

    /// <summary>Number of target classes.</summary>
    int ClassCount { get; }

    /// <summary>The image shape the target accepts.</summary>
    ImageShape Input { get; }

    /// <summary>The classifier itself; white-box only.</summary>
    IClassifier Classifier { get; }

    /// <summary>Softmax probabilities [N, classes] without gradients; black-box or white-box.</summary>
    torch.Tensor Probabilities(torch.Tensor images);

    /// <summary>Predicted labels [N] int64; any access level.</summary>
    torch.Tensor Predict(torch.Tensor images);

    /// <summary>Images sent through <see cref="Probabilities"/> or <see cref="Predict"/> so far.</summary>
    long Queries { get; }
}
