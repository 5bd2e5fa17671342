using System.Reflection;
using MIForge.Host.Processes;
using MIForge.Numerics.Runtime;

namespace MIForge.Host.Cli;

/// <summary>Finds the fastest oneDNN instruction-set cap under which libtorch's convolutions pass the convolution check
/// on this machine: oneDNN fixes its cap at a process's first convolution, so each candidate is checked by a fresh
/// `miforge onednn --isa CAP` process. The first that passes is recorded for the machine (<see cref="OneDnnIsa.Record"/>).</summary>
public static class OneDnnProbe
{
    /// <summary>Checks <see cref="OneDnnIsa.Candidates"/> in order until one passes, each in its own process, writing a line
    /// per candidate to <paramref name="log"/>, and returns the passing cap, or null when none passes or this process
    /// cannot start the miforge host (e.g. inside a test runner). The outcome is recorded where it can be: the passing
    /// cap, or "default" when none passed (processes then run the check uncapped and turn oneDNN off, without probing
    /// again).</summary>
    public static string? Find(TextWriter? log)
    {
        if (Command() is not { } command)
        {
            log?.WriteLine("oneDNN probe: this process is not the miforge host, so it cannot start one per candidate; no cap recorded");
            return null;
        }
        foreach (var isa in OneDnnIsa.Candidates)
        {
            var (passed, reason) = Check(command, isa);
            log?.WriteLine($"oneDNN probe: {isa,-8} {(passed ? "passed" : "failed")}: {reason}");
            if (!passed) continue;
            Record(isa, log);
            return isa;
        }
        Record("default", log);
        return null;
    }

    private static void Record(string isa, TextWriter? log)
    {
        try
        {
            OneDnnIsa.Record(isa);
            log?.WriteLine($"oneDNN probe: recorded '{isa}' for this machine in {OneDnnIsa.RecordPath}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not recorded: this process still uses the outcome, and the next one probes again.
            log?.WriteLine($"oneDNN probe: could not record '{isa}' in {OneDnnIsa.RecordPath} ({e.Message}); this process uses it");
        }
    }

    private static (bool Passed, string Reason) Check((string File, string[] Prefix) command, string isa)
    {
        var r = ChildProcess.Run(command.File, [.. command.Prefix, "onednn", "--isa", isa],
            new Dictionary<string, string?> { ["MIFORGE_ONEDNN"] = "auto", ["MIFORGE_ONEDNN_ISA"] = null, ["ONEDNN_MAX_CPU_ISA"] = null });
        var reason = (r.Output + r.Error).Trim().Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? $"exit code {r.ExitCode}";
        return (r.Ok, reason);
    }

    /// <summary>How to start this miforge host again: its apphost, or dotnet with its dll; null when this process is
    /// something else (a test runner).</summary>
    private static (string, string[])? Command()
    {
        var exe = Environment.ProcessPath;
        var host = typeof(OneDnnProbe).Assembly;
        if (exe is null || Assembly.GetEntryAssembly() != host) return null;
        return Path.GetFileNameWithoutExtension(exe) == "dotnet" ? (exe, [host.Location]) : (exe, []);
    }
}
