namespace MIForge.Host.Stages;

/// <summary>A finished stage of this run and its folder, as the report reads it.</summary>
public sealed record StageFolder(Stage Stage, string Directory);
