using MIForge.Abstractions;
using TorchSharp;

namespace MIForge.Host.Training;

/// <summary>One forward pass of a training batch and an auxiliary batch together, split back into the
/// output on each: batch-norm layers see (and record) one set of statistics for both.</summary>
public static class JointForward
{
    /// <summary>The model's output on <paramref name="x"/> and on <paramref name="auxiliary"/>, from one forward of both.</summary>
    public static (ClassifierOutput x, ClassifierOutput auxiliary) Run(IClassifier model, torch.Tensor x, torch.Tensor auxiliary)
    {
        var n = x.shape[0];
        var both = model.Forward(torch.cat([x, auxiliary], 0));
        ClassifierOutput Part(long start, long length) => new(
            both.Logits.narrow(0, start, length),
            both.Features.narrow(0, start, length),
            both.Hidden.Select(h => new KeyValuePair<string, torch.Tensor>(h.Key, h.Value.narrow(0, start, length))).ToArray());
        return (Part(0, n), Part(n, auxiliary.shape[0]));
    }
}
