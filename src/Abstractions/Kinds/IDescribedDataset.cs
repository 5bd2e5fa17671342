namespace MIForge.Abstractions;

/// <summary>An optional ability of an <see cref="IDataset"/>: what it will deliver, found from known
/// constants or file headers without reading any image, so a manifest's class lists and models can be
/// checked before anything trains.</summary>
public interface IDescribedDataset
{
    /// <summary>The class count and image shape <see cref="IDataset.Load"/> will deliver (after the
    /// dataset's own options); a missing or unreadable file is an error naming it.</summary>
    DatasetFacts Describe();
}
