using System.Diagnostics;

namespace MIForge.Host.Processes;

/// <summary>Runs a program as a child process to its end and captures what it printed: Slurm's clients, and the miforge
/// host itself for the oneDNN probe.</summary>
public static class ChildProcess
{
    /// <summary>What a program printed and how it exited.</summary>
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        /// <summary>Exit code 0.</summary>
        public bool Ok => ExitCode == 0;
    }

    /// <summary>Runs <paramref name="program"/> with <paramref name="args"/> in this process's environment, changed by
    /// <paramref name="environment"/> (a null value removes the variable); a program that cannot start is exit code 127.</summary>
    public static Result Run(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var psi = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) psi.Environment.Remove(key);
            else psi.Environment[key] = value;
        }
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
}
