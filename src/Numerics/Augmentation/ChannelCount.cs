using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Numerics.Augmentation;

/// <summary>Changes the channel count: gray → RGB repeats the plane, RGB → gray takes BT.601 luma, RGBA/gray+alpha drop alpha.</summary>
public sealed class ChannelCount(int channels) : IImageTransform
{
    /// <summary>The channel count delivered (1 or 3).</summary>
    public int Channels { get; } = channels is 1 or 3 ? channels : throw new ArgumentOutOfRangeException(nameof(channels), "channels must be 1 or 3");

    /// <summary>The batch with <see cref="Channels"/> channels.</summary>
    public torch.Tensor Apply(torch.Tensor images, Random random) => To(images, Channels);

    /// <summary>[N,C,H,W] with C in 1..4 converted to 1 or 3 channels (always a new tensor).</summary>
    public static torch.Tensor To(torch.Tensor images, int channels)
    {
        long c = images.shape[1];
        using var scope = torch.NewDisposeScope();
        var color = c >= 3 ? images.narrow(1, 0, 3) : images.narrow(1, 0, 1);
        torch.Tensor result;
        if (channels == 3) result = c >= 3 ? color.clone() : color.repeat(1, 3, 1, 1);
        else if (c < 3) result = color.clone();
        else
        {
            var weights = torch.tensor(new[] { 0.299f, 0.587f, 0.114f }, 1, 3, 1, 1).to(images.dtype);
            result = color.mul(weights).sum(1, keepdim: true);
        }
        return scope.MoveToOuter(result);
    }
}
