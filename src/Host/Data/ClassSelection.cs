using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Host.Data;

/// <summary>Subsets of an image set by class.</summary>
public static class ClassSelection
{
    /// <summary>The images whose label is in <paramref name="classes"/>, at most <paramref name="limit"/>
    /// of them (first ones). With <paramref name="relabel"/>, class <c>classes[i]</c> becomes label i.</summary>
    public static ImageSet Select(ImageSet set, IReadOnlyList<int> classes, bool relabel, int? limit = null)
    {
        var labels = set.Labels.cpu().data<long>().ToArray();
        var position = new Dictionary<long, int>();
        for (var i = 0; i < classes.Count; i++) position[classes[i]] = i;
        var keep = new List<long>();
        var newLabels = new List<long>();
        for (var i = 0; i < labels.Length && (limit is null || keep.Count < limit); i++)
        {
            if (!position.TryGetValue(labels[i], out var p)) continue;
            keep.Add(i);
            newLabels.Add(relabel ? p : labels[i]);
        }
        using var index = torch.tensor(keep.ToArray());
        var images = set.Images.index_select(0, index).DetachFromDisposeScope();
        var y = torch.tensor(newLabels.ToArray()).DetachFromDisposeScope();
        var names = relabel && set.ClassNames is { } n ? classes.Select(c => n[c]).ToArray() : relabel ? null : set.ClassNames;
        return new ImageSet(images, y, relabel ? classes.Count : set.ClassCount, names);
    }

    /// <summary>The first <paramref name="limit"/> images (all of them when null).</summary>
    public static ImageSet Take(ImageSet set, int? limit)
    {
        if (limit is null || limit >= set.Count) return set;
        var images = set.Images.narrow(0, 0, limit.Value).contiguous().DetachFromDisposeScope();
        var labels = set.Labels.narrow(0, 0, limit.Value).contiguous().DetachFromDisposeScope();
        set.Dispose();
        return new ImageSet(images, labels, set.ClassCount, set.ClassNames);
    }
}
