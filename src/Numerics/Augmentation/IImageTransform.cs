using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Numerics.Augmentation;

/// <summary>A transform of a batch of images [N,C,H,W] float32 in [0,1]; random ones draw from the given RNG,
/// so a seeded RNG gives the same result. Returns a new tensor; the input is left as it is.</summary>
public interface IImageTransform
{
    /// <summary>The transformed batch.</summary>
    torch.Tensor Apply(torch.Tensor images, Random random);
}

/// <summary>Applies transforms in order.</summary>
public sealed class Compose(params IImageTransform[] steps) : IImageTransform
{
    /// <summary>The steps, first applied first.</summary>
    public IReadOnlyList<IImageTransform> Steps { get; } = steps;

    /// <summary>Each step applied to the previous step's output; intermediates are disposed.</summary>
    public torch.Tensor Apply(torch.Tensor images, Random random)
    {
        var x = images;
        foreach (var step in Steps)
        {
            var next = step.Apply(x, random);
            if (!ReferenceEquals(x, images)) x.Dispose();
            x = next;
        }
        return ReferenceEquals(x, images) ? images.clone() : x;
    }
}
