using MIForge.Host.Processes;

namespace MIForge.Host.Cluster;

/// <summary>Slurm's command-line clients (sbatch, squeue, scontrol, sacct, scancel), run as child processes
/// with this process's environment (so SLURM_CONF reaches them).</summary>
public static class SlurmCommands
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="args"/>; a missing program is exit code 127.</summary>
    public static ChildProcess.Result Run(string program, params string[] args) => ChildProcess.Run(program, args);

    /// <summary>Submits a batch script; returns the job id (sbatch --parsable prints "ID" or "ID;CLUSTER").</summary>
    public static string Submit(string script, IEnumerable<string> extraArgs)
    {
        var r = Run("sbatch", ["--parsable", .. extraArgs, script]);
        if (!r.Ok)
            throw new SlurmException($"sbatch {script} failed (exit {r.ExitCode}): {(r.Error + r.Output).Trim()}");
        return r.Output.Trim().Split(';')[0];
    }

    /// <summary>Cancels a job; false when Slurm refused (e.g. it has already ended).</summary>
    public static bool Cancel(string jobId) => Run("scancel", jobId).Ok;
}

/// <summary>A Slurm client failed (not installed, no controller, refused a job): a failure while running (exit 1).</summary>
public sealed class SlurmException(string message) : Exception(message);
