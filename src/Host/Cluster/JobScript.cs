using System.Text;
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

/// <summary>The sbatch script of one stage job: its #SBATCH header and the single command
/// <c>miforge run MANIFEST --out RUN --stage HASH</c>. Dependencies are given to sbatch on its command line,
/// since they are job ids known only at submission.</summary>
public static class JobScript
{
    /// <summary>The script text; <paramref name="log"/> may hold %j (the job id).</summary>
    public static string Write(string jobName, string log, JobResources resources, bool gpus, IReadOnlyList<string> command)
    {
        var s = new StringBuilder("#!/bin/bash\n");
        void Line(string option) => s.Append("#SBATCH ").Append(option).Append('\n');
        Line($"--job-name={jobName}");
        Line($"--output={log}");
        Line("--ntasks=1");
        Line("--kill-on-invalid-dep=yes");
        Line($"--cpus-per-task={resources.CpusPerStage}");
        if (gpus && resources.GpusPerStage > 0) Line($"--gres=gpu:{resources.GpusPerStage}");
        if (resources.Partition is { } p) Line($"--partition={p}");
        if (resources.Time is { } t) Line($"--time={t}");
        Line($"--chdir={Directory.GetCurrentDirectory()}");
        foreach (var a in resources.ExtraArgs) Line(a);
        s.Append("set -eu\n");
        s.Append("echo \"miforge stage job $SLURM_JOB_ID on $(hostname)\"\n");
        s.Append("exec ").Append(string.Join(' ', command.Select(Quote))).Append('\n');
        return s.ToString();
    }

    /// <summary>A word for bash: single-quoted unless it is plainly safe.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:@,+".Contains(c)) ? word : "'" + word.Replace("'", "'\\''") + "'";
}
