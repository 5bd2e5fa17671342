namespace MIForge.Abstractions;

/// <summary>What a dataset delivers, as <see cref="IDescribedDataset.Describe"/> reports it.</summary>
/// <param name="ClassCount">Number of classes (labels 0..ClassCount−1).</param>
/// <param name="Shape">The shape of every image.</param>
public sealed record DatasetFacts(int ClassCount, ImageShape Shape);
