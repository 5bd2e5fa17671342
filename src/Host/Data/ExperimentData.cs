using MIForge.Abstractions;
using MIForge.Host.Manifests;

namespace MIForge.Host.Data;

/// <summary>The data of one run: private/public/evaluator views of the dataset per the class split,
/// plus auxiliary and OOD sets. <see cref="LoadAll"/> reads every part; views are cut on first use.</summary>
public sealed class ExperimentData(DataSpec spec, IReadOnlyList<OodSetSpec> oodSets, Func<PluginRef<IDataset>, IDataset> create) : IDisposable
{
    private readonly Dictionary<string, ImageSet> cache = [];
    private (ImageSet train, ImageSet test)? full;

    /// <summary>Training images of the private classes, labelled with target labels.</summary>
    public ImageSet PrivateTrain => Cached("private-train", () => ClassSelection.Select(Full.train, PrivateClasses, relabel: true, spec.Limit));

    /// <summary>Test images of the private classes, labelled with target labels.</summary>
    public ImageSet PrivateTest => Cached("private-test", () => ClassSelection.Select(Full.test, PrivateClasses, relabel: true, spec.Limit));

    /// <summary>The public data, with their own labels: the train part of data.public when the manifest names one,
    /// otherwise the training images of the public classes.</summary>
    public ImageSet Public => Cached("public", () => spec.Public is { } dataset
        ? Matching(ClassSelection.Take(create(dataset).Load(DatasetPart.Train), spec.Limit), "data.public", dataset.Name)
        : ClassSelection.Select(Full.train, spec.Split?.Public ?? [], relabel: false, spec.Limit));

    /// <summary>All training images, dataset labels: what the evaluator learns.</summary>
    public ImageSet EvaluatorTrain => Cached("evaluator-train", () => ClassSelection.Select(Full.train, AllClasses, relabel: false, spec.Limit));

    /// <summary>All test images, dataset labels.</summary>
    public ImageSet EvaluatorTest => Cached("evaluator-test", () => ClassSelection.Select(Full.test, AllClasses, relabel: false, spec.Limit));

    /// <summary>Auxiliary OOD training images for defenses, or null when the manifest has none.</summary>
    public ImageSet? Auxiliary => spec.Auxiliary is null ? null : Cached("auxiliary", () => ClassSelection.Take(create(spec.Auxiliary).Load(DatasetPart.Train), spec.Limit));

    /// <summary>The test images of one OOD set (inverted when the set says so).</summary>
    public ImageSet OodTest(OodSetSpec set) => Cached("ood-test:" + set.Name, () =>
    {
        var images = ClassSelection.Take(create(set.Dataset!).Load(DatasetPart.Test), spec.Limit);
        if (!set.Invert) return images;
        using (images) return new ImageSet((1 - images.Images).DetachFromDisposeScope(), images.Labels.clone().DetachFromDisposeScope(), images.ClassCount, images.ClassNames);
    });

    /// <summary>Reads every dataset the manifest names (the dataset's train and test parts, the auxiliary
    /// set, each OOD test set), so that stages only cut views of what is loaded.</summary>
    public void LoadAll()
    {
        _ = Full;
        if (spec.Public is not null) _ = Public;
        _ = Auxiliary;
        foreach (var set in oodSets) OodTest(set);
    }

    /// <summary>Dataset classes that are private, in target-label order: the evaluator's class of each target label.</summary>
    public IReadOnlyList<int> PrivateClasses => spec.Split?.Private ?? AllClasses;

    private IReadOnlyList<int> AllClasses => Enumerable.Range(0, Full.train.ClassCount).ToArray();

    private (ImageSet train, ImageSet test) Full
    {
        get
        {
            if (full is { } f) return f;
            var dataset = create(spec.Dataset!);
            var train = dataset.Load(DatasetPart.Train);
            var test = dataset.Load(DatasetPart.Test);
            var max = spec.Split is null ? -1 : spec.Split.Private.Concat(spec.Split.Public).DefaultIfEmpty(-1).Max();
            if (max >= train.ClassCount)
                throw new InvalidDataException($"data.split names class {max}, but dataset '{spec.Dataset!.Name}' has {train.ClassCount} classes (0..{train.ClassCount - 1})");
            full = (train, test);
            return full.Value;
        }
    }

    /// <summary><paramref name="images"/> when their C×H×W is the dataset's; otherwise disposed and an error naming both.</summary>
    private ImageSet Matching(ImageSet images, string key, string name)
    {
        var own = Full.train.Images.shape[1..];
        var theirs = images.Images.shape[1..];
        if (own.SequenceEqual(theirs)) return images;
        images.Dispose();
        throw new InvalidDataException($"{key}: dataset '{name}' gives {string.Join('×', theirs)} images, but data.dataset '{spec.Dataset!.Name}' gives {string.Join('×', own)}; give both the same channels and size");
    }

    private ImageSet Cached(string key, Func<ImageSet> make)
    {
        if (!cache.TryGetValue(key, out var set)) cache[key] = set = make();
        return set;
    }

    public void Dispose()
    {
        foreach (var s in cache.Values) s.Dispose();
        cache.Clear();
        full?.train.Dispose();
        full?.test.Dispose();
        full = null;
    }
}
