using System.Text;

namespace MIForge.Host.Cluster;

/// <summary>The sbatch script of one stage job: its #SBATCH header and the single command
/// <c>miforge run MANIFEST --out RUN --stage HASH</c>, with MIFORGE_THREADS set to the job's CPUs (the intra-op
/// thread count submit hashed the stages for, unless the manifest sets <c>threads</c>). Dependencies are given to sbatch on its command line,
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
        s.Append("export MIFORGE_THREADS=").Append(resources.CpusPerStage).Append('\n');
        s.Append("echo \"miforge stage job $SLURM_JOB_ID on $(hostname)\"\n");
        s.Append("exec ").Append(string.Join(' ', command.Select(Quote))).Append('\n');
        return s.ToString();
    }

    /// <summary>A word for bash: single-quoted unless it is plainly safe.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:@,+".Contains(c)) ? word : "'" + word.Replace("'", "'\\''") + "'";
}
