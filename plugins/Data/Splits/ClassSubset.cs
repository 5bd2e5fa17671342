using MIForge.Plugins.Data.Images;

namespace MIForge.Plugins.Data.Splits;

/// <summary>Subsets of labelled images by class, with labels remapped to 0..k-1, and capped per class for quick runs.</summary>
public static class ClassSubset
{
    /// <summary>The images whose label is in <paramref name="classes"/>, in their original order; class <c>classes[i]</c> becomes label i.</summary>
    public static RawImages Keep(RawImages set, IReadOnlyList<int> classes)
    {
        var (keep, remapped) = Keep(set.Labels ?? throw new ArgumentException("cannot select classes of unlabelled images"), classes);
        return set.Select(keep).WithLabels(remapped);
    }

    /// <summary>The indices of the labels in <paramref name="classes"/>, in order, and their new labels (class <c>classes[i]</c> becomes i).</summary>
    public static (int[] Keep, long[] Labels) Keep(IReadOnlyList<long> labels, IReadOnlyList<int> classes)
    {
        var position = new Dictionary<long, int>();
        for (int i = 0; i < classes.Count; i++)
            if (!position.TryAdd(classes[i], i)) throw new ArgumentException($"class {classes[i]} is listed twice");
        var keep = new List<int>();
        var remapped = new List<long>();
        for (int i = 0; i < labels.Count; i++)
            if (position.TryGetValue(labels[i], out int p)) { keep.Add(i); remapped.Add(p); }
        return (keep.ToArray(), remapped.ToArray());
    }

    /// <summary>At most <paramref name="perClass"/> images of each class (the first ones), in their original order.</summary>
    public static RawImages CapPerClass(RawImages set, int perClass) =>
        set.Select(CapPerClass(set.Labels ?? throw new ArgumentException("cannot cap classes of unlabelled images"), perClass));

    /// <summary>The indices of the first <paramref name="perClass"/> labels of each class, in order.</summary>
    public static int[] CapPerClass(IReadOnlyList<long> labels, int perClass)
    {
        var seen = new Dictionary<long, int>();
        var keep = new List<int>();
        for (int i = 0; i < labels.Count; i++)
        {
            seen.TryGetValue(labels[i], out int n);
            if (n < perClass) keep.Add(i);
            seen[labels[i]] = n + 1;
        }
        return keep.ToArray();
    }
}
