using System.Text.RegularExpressions;
using MIForge.Host.Manifests;

namespace MIForge.Host.Cluster;

/// <summary>What every stage job asks of Slurm (from the submit command's options).</summary>
/// <param name="GpusPerStage">GPUs per stage job (--gres=gpu:N); the report job, which only gathers rows, gets none.</param>
/// <param name="ExtraArgs">Further sbatch options, each written as its own #SBATCH line.</param>
public sealed partial record JobResources(string? Partition, string? Time, int GpusPerStage, int CpusPerStage, IReadOnlyList<string> ExtraArgs)
{
    [GeneratedRegex(@"^(\d+-)?\d+(:\d{1,2}){0,2}$")]
    private static partial Regex TimePattern();

    /// <summary>Bad values are exit-2 errors naming the option.</summary>
    public void Check()
    {
        var errors = new List<ManifestError>();
        if (Time is not null && !TimePattern().IsMatch(Time)) errors.Add(new(null, "--time", $"expected a Slurm time limit such as HH:MM:SS or D-HH:MM:SS, got '{Time}'"));
        if (GpusPerStage < 0) errors.Add(new(null, "--gpus-per-stage", $"expected 0 or more GPUs, got {GpusPerStage}"));
        if (CpusPerStage < 1) errors.Add(new(null, "--cpus-per-stage", $"expected 1 or more CPUs, got {CpusPerStage}"));
        if (Partition is { } p && (p.Length == 0 || p.Any(char.IsWhiteSpace))) errors.Add(new(null, "--partition", $"expected a partition name, got '{p}'"));
        foreach (var a in ExtraArgs.Where(a => !a.StartsWith('-') || a.Contains('\n')))
            errors.Add(new(null, "--sbatch-arg", $"expected one sbatch option starting with '-' (e.g. --account=lab), got '{a}'"));
        if (errors.Count > 0) throw new ManifestException(errors);
    }
}
