using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Host.Training;

/// <summary>The target as an attack sees it: access-limited and query-counted.</summary>
public sealed class TargetModel(IClassifier classifier, TargetAccess access, long? budget) : ITargetModel
{
    private long queries;

    public TargetAccess Access { get; } = access;
    public int ClassCount => classifier.ClassCount;
    public ImageShape Input => classifier.Input;
    public long Queries => Interlocked.Read(ref queries);

    public IClassifier Classifier => Access == TargetAccess.WhiteBox
        ? classifier
        : throw new UnauthorizedAccessException($"the attack asked for the target's parameters, but the manifest grants {Access} access");

    public torch.Tensor Probabilities(torch.Tensor images)
    {
        if (Access < TargetAccess.BlackBox)
            throw new UnauthorizedAccessException("the attack asked for the target's probabilities, but the manifest grants label-only access");
        Count(images);
        using var noGrad = torch.no_grad();
        using var output = classifier.Forward(images);
        return output.Logits.softmax(1);
    }

    public torch.Tensor Predict(torch.Tensor images)
    {
        Count(images);
        using var noGrad = torch.no_grad();
        using var output = classifier.Forward(images);
        return output.Logits.argmax(1);
    }

    private void Count(torch.Tensor images)
    {
        var total = Interlocked.Add(ref queries, images.shape[0]);
        if (budget is { } b && total > b)
            throw new InvalidOperationException($"the attack exceeded its query budget of {b} images");
    }
}
