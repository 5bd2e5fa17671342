using System.Text.RegularExpressions;

namespace MIForge.Host.Cluster;

/// <summary>What Slurm says about one job: its state (PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, ...)
/// and reason, asked of squeue, then scontrol (jobs ended within MinJobAge), then sacct (where accounting
/// runs); null when none of them knows the job.</summary>
public sealed partial record SlurmJobState(string JobId, string State, string Reason)
{
    /// <summary>Waiting to start (including held and requeued jobs).</summary>
    public bool IsQueued => State is "PENDING" or "REQUEUED" or "REQUEUE_HOLD" or "REQUEUE_FED" or "SUSPENDED" or "RESV_DEL_HOLD";

    /// <summary>Started and not ended.</summary>
    public bool IsRunning => State is "RUNNING" or "CONFIGURING" or "COMPLETING" or "RESIZING" or "SIGNALING" or "STAGE_OUT";

    /// <summary>Ended (successfully or not): it holds no lock any more.</summary>
    public bool HasEnded => !IsQueued && !IsRunning;

    /// <summary>Queued behind a dependency that can never be met (an input job failed).</summary>
    public bool IsDoomed => IsQueued && Reason.Contains("DependencyNeverSatisfied", StringComparison.Ordinal);

    [GeneratedRegex(@"JobState=(\S+)")]
    private static partial Regex JobStatePattern();

    [GeneratedRegex(@"Reason=(\S+)")]
    private static partial Regex ReasonPattern();

    /// <summary>The job's state, or null when Slurm does not know it (or its clients cannot be run).</summary>
    public static SlurmJobState? Of(string jobId)
    {
        var q = SlurmCommands.Run("squeue", "-h", "-j", jobId, "-o", "%T|%r");
        var line = q.Ok ? q.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() : null;
        if (line is not null && line.Split('|') is [var state, var reason]) return new SlurmJobState(jobId, state, reason);
        var s = SlurmCommands.Run("scontrol", "show", "job", jobId);
        if (s.Ok && JobStatePattern().Match(s.Output) is { Success: true } m)
            return new SlurmJobState(jobId, m.Groups[1].Value, ReasonPattern().Match(s.Output) is { Success: true } r ? r.Groups[1].Value : "");
        var a = SlurmCommands.Run("sacct", "-n", "-X", "-P", "-j", jobId, "-o", "State");
        var accounted = a.Ok ? a.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() : null;
        // sacct prints e.g. "CANCELLED by 0"
        return accounted is null ? null : new SlurmJobState(jobId, accounted.Split(' ')[0], "");
    }
}
