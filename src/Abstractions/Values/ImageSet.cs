using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Abstractions;

/// <summary>A labelled set of images. Owns its tensors.</summary>
public sealed class ImageSet : IDisposable
{
    /// <summary>Wraps images [N,C,H,W] float32 in [0,1] and labels int64 [N] in [0, classCount).</summary>
    public ImageSet(torch.Tensor images, torch.Tensor labels, int classCount, IReadOnlyList<string>? classNames = null)
    {
        if (images.shape.Length != 4) throw new ArgumentException($"images must be [N,C,H,W], got [{string.Join(",", images.shape)}]", nameof(images));
        if (labels.shape.Length != 1 || labels.shape[0] != images.shape[0]) throw new ArgumentException("labels must be [N] with N matching images", nameof(labels));
        if (classNames is not null && classNames.Count != classCount) throw new ArgumentException("classNames must have classCount entries", nameof(classNames));
        Images = images;
        Labels = labels;
        ClassCount = classCount;
        ClassNames = classNames;
    }

    /// <summary>Images [N,C,H,W], float32, values in [0,1].</summary>
    public torch.Tensor Images { get; }

    /// <summary>Class indices [N], int64, each in [0, <see cref="ClassCount"/>).</summary>
    public torch.Tensor Labels { get; }

    /// <summary>Number of classes the labels index into.</summary>
    public int ClassCount { get; }

    /// <summary>Human-readable class names, one per class, when the source has them.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>Number of images.</summary>
    public long Count => Images.shape[0];

    /// <summary>The shape of one image.</summary>
    public ImageShape Shape => new((int)Images.shape[1], (int)Images.shape[2], (int)Images.shape[3]);

    /// <summary>Disposes both tensors.</summary>
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
