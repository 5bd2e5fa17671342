namespace MIForge.Host.Stages;

/// <summary>The runner's record of one stage in this run: its content hash and where its result is, the
/// finished folder (stored stages) or the value produced in memory (on-demand stages: the data).</summary>
public sealed record StageResult(string Hash, string? Directory, object? Value = null);
