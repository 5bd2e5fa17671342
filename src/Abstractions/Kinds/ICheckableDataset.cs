namespace MIForge.Abstractions;

/// <summary>An optional ability of an <see cref="IDataset"/> backed by files: checks, before anything
/// trains, that its files and folders exist and that their headers are sound, reading no image.</summary>
public interface ICheckableDataset
{
    /// <summary>Throws an <see cref="InvalidDataException"/> (or <see cref="IOException"/>) naming the file or
    /// folder and what was expected when a file is missing or its header is wrong; reads headers only.</summary>
    void CheckFiles();
}
