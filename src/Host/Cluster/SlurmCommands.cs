using System.Diagnostics;

namespace MIForge.Host.Cluster;

/// <summary>Slurm's command-line clients (sbatch, squeue, scontrol, sacct, scancel), run as child processes
/// with this process's environment (so SLURM_CONF reaches them).</summary>
public static class SlurmCommands
{
    /// <summary>What a client printed and how it exited.</summary>
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public bool Ok => ExitCode == 0;
    }

    /// <summary>Runs <paramref name="program"/> with <paramref name="args"/>; a missing program is exit code 127.</summary>
    public static Result Run(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        Process p;
        try
        {
            p = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new Result(127, "", $"{program}: {e.Message}");
        }
        using (p)
        {
            var error = p.StandardError.ReadToEndAsync();
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return new Result(p.ExitCode, output, error.Result);
        }
    }

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
