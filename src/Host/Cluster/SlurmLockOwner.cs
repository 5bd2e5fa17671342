using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Cluster;

/// <summary>The Slurm side of a stage lock's owner record: the job a lock was taken in (SLURM_JOB_ID), and
/// whether Slurm says that job has ended, so that a lock left by a job killed on another node of a shared
/// filesystem can be broken. Slurm is asked at most every <see cref="Recheck"/> per job.</summary>
public static class SlurmLockOwner
{
    /// <summary>The owner-record key holding the job id.</summary>
    public const string Key = "slurm_job";

    private static readonly ConcurrentDictionary<string, (DateTime asked, SlurmJobState? state)> Asked = new();

    /// <summary>How long an answer from Slurm is reused by a waiting process.</summary>
    public static TimeSpan Recheck { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The job this process runs in, or null outside Slurm.</summary>
    public static string? CurrentJob => Environment.GetEnvironmentVariable("SLURM_JOB_ID") is { Length: > 0 } id ? id : null;

    /// <summary>"Slurm job N ended (STATE)" when <paramref name="holder"/> was taken in a Slurm job that Slurm
    /// reports ended; null when it was not, or the job is alive, or Slurm cannot tell (then the lock is kept).</summary>
    public static string? Ended(JObject holder)
    {
        if ((string?)holder[Key] is not { Length: > 0 } job || job == CurrentJob) return null;
        var (asked, state) = Asked.GetOrAdd(job, _ => (DateTime.MinValue, null));
        if (DateTime.UtcNow - asked >= Recheck)
        {
            state = SlurmJobState.Of(job);
            Asked[job] = (DateTime.UtcNow, state);
        }
        return state is { HasEnded: true } ? $"Slurm job {job} has ended ({state.State})" : null;
    }
}
