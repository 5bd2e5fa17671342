using System.Diagnostics;
using System.Reflection;
using MIForge.Numerics.Runtime;

namespace MIForge.Host.Cli;

/// <summary>Finds the fastest oneDNN instruction-set cap under which libtorch's convolutions pass the convolution check
/// on this machine: oneDNN fixes its cap at a process's first convolution, so each candidate is checked by a fresh
/// `miforge onednn --isa CAP` process. The first that passes is recorded for the machine (<see cref="OneDnnIsa.Record"/>).</summary>
public static class OneDnnProbe
{
    /// <summary>One candidate's outcome: its cap, whether the check passed, and the child's reason line.</summary>
    public sealed record Outcome(string Isa, bool Passed, string Reason);

    /// <summary>Checks <see cref="OneDnnIsa.Candidates"/> in order until one passes, each in its own process, writing a line
    /// per candidate to <paramref name="log"/>; records (where it can) and returns the passing cap, or null (nothing recorded) when
    /// none passes or this process cannot start the miforge host (e.g. inside a test runner).</summary>
    public static (string? Isa, IReadOnlyList<Outcome> Outcomes) Find(TextWriter? log)
    {
        var outcomes = new List<Outcome>();
        if (Command() is not { } command)
        {
            log?.WriteLine("oneDNN probe: this process is not the miforge host, so it cannot start one per candidate; no cap recorded");
            return (null, outcomes);
        }
        foreach (var isa in OneDnnIsa.Candidates)
        {
            var outcome = Check(command, isa);
            outcomes.Add(outcome);
            log?.WriteLine($"oneDNN probe: {isa,-8} {(outcome.Passed ? "passed" : "failed")}: {outcome.Reason}");
            if (!outcome.Passed) continue;
            try
            {
                OneDnnIsa.Record(isa);
                log?.WriteLine($"oneDNN probe: recorded '{isa}' for this machine in {OneDnnIsa.RecordPath}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not recorded: this process still uses the cap, and the next one probes again.
                log?.WriteLine($"oneDNN probe: could not record '{isa}' in {OneDnnIsa.RecordPath} ({e.Message}); this process uses it");
            }
            return (isa, outcomes);
        }
        return (null, outcomes);
    }

    private static Outcome Check((string File, string[] Prefix) command, string isa)
    {
        var psi = new ProcessStartInfo(command.File) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in command.Prefix) psi.ArgumentList.Add(a);
        foreach (var a in new[] { "onednn", "--isa", isa }) psi.ArgumentList.Add(a);
        psi.Environment["MIFORGE_ONEDNN"] = "auto";
        psi.Environment.Remove("MIFORGE_ONEDNN_ISA");
        psi.Environment.Remove("ONEDNN_MAX_CPU_ISA");
        using var child = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {command.File}");
        var error = child.StandardError.ReadToEndAsync();
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var text = (output + error.Result).Trim();
        var reason = text.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? $"exit code {child.ExitCode}";
        return new Outcome(isa, child.ExitCode == ExitCodes.Success, reason);
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
