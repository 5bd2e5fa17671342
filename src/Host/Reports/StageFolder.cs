namespace MIForge.Host.Reports;

/// <summary>A finished stage's folder as the report reads it: the stage id, its kind ("target",
/// "attack", "metrics", "ood", ...) and the folder holding the files named in StageLayout.</summary>
public sealed record StageFolder(string Id, string Kind, string Directory);
