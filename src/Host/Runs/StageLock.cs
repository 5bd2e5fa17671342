using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Runs;

/// <summary>
/// The exclusive right to compute one stage folder: a file <c>&lt;folder&gt;.lock</c> created atomically
/// (create-new), recording its owner (host, pid, process start, time, Slurm job). A second process waits until
/// the owner releases it, or breaks it with a warning when the owner is a dead process on this host or a
/// Slurm job that Slurm reports ended.
/// Disposing releases it.
/// </summary>
public sealed class StageLock : IDisposable
{
    private readonly string path;
    private readonly string token;

    private StageLock(string path, string token)
    {
        this.path = path;
        this.token = token;
    }

    /// <summary>How often a waiting process looks at the lock again.</summary>
    public static TimeSpan Poll { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Takes the lock of <paramref name="stageDirectory"/>, waiting while a live owner holds it.
    /// <paramref name="waiting"/> is called once, with the holder's description, when the lock is taken.</summary>
    public static StageLock Acquire(string stageDirectory, ILogger logger, CancellationToken cancellation, Action<string>? waiting = null)
    {
        var path = stageDirectory + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var token = Guid.NewGuid().ToString("N");
        var owner = Owner(token);
        var told = false;
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                using (var f = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                using (var w = new StreamWriter(f))
                    w.Write(owner.ToString(Formatting.None));
                return new StageLock(path, token);
            }
            catch (IOException) when (File.Exists(path))
            {
            }
            var holder = Read(path);
            if (holder is not null && (IsDeadLocalOwner(holder) ? "that process has ended" : MIForge.Host.Cluster.SlurmLockOwner.Ended(holder)) is { } ended)
            {
                logger.LogWarning("breaking the stale lock {Lock} of {Owner}: {Ended}", path, Describe(holder), ended);
                TryDelete(path, holder);
                continue;
            }
            if (!told)
            {
                waiting?.Invoke(holder is null ? "another process" : Describe(holder));
                logger.LogInformation("waiting for {Lock}, held by {Owner}", path, holder is null ? "another process" : Describe(holder));
                told = true;
            }
            cancellation.WaitHandle.WaitOne(Poll);
        }
    }

    public void Dispose()
    {
        // only this owner deletes its lock (a live owner's lock is never broken, so nobody else has replaced it)
        if (Read(path) is { } holder && (string?)holder["token"] == token) File.Delete(path);
    }

    private static JObject Owner(string token)
    {
        return new JObject
        {
            ["host"] = Environment.MachineName,
            ["pid"] = Environment.ProcessId,
            ["process_start"] = StartTicks(Environment.ProcessId),
            ["since"] = DateTime.UtcNow.ToString("O"),
            ["token"] = token,
            [MIForge.Host.Cluster.SlurmLockOwner.Key] = MIForge.Host.Cluster.SlurmLockOwner.CurrentJob,
        };
    }

    /// <summary>"pid N on HOST since T": who holds a lock.</summary>
    public static string Describe(JObject holder) =>
        $"pid {holder["pid"]} on {holder["host"]}{((string?)holder[MIForge.Host.Cluster.SlurmLockOwner.Key] is { } job ? $" (Slurm job {job})" : "")} since {holder["since"]}";

    private static JObject? Read(string path)
    {
        try { return JObject.Parse(File.ReadAllText(path)); }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>True when the holder ran on this host and its process is gone (or its pid now belongs to
    /// another process, told apart by the process start time).</summary>
    private static bool IsDeadLocalOwner(JObject holder)
    {
        if ((string?)holder["host"] != Environment.MachineName || holder["pid"]?.Type != JTokenType.Integer) return false;
        var pid = (int)holder["pid"]!;
        var start = StartTicks(pid);
        return start is null || (holder["process_start"]?.Type == JTokenType.Integer && (long)holder["process_start"]! != start);
    }

    /// <summary>The start time of a process in clock ticks since boot (field 22 of /proc/PID/stat), or null when it does not run.</summary>
    private static long? StartTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[19]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Breaks a stale lock: renames it away (one breaker wins), and puts it back if it turns out to be
    /// a newer owner's lock taken after <paramref name="holder"/> was read.</summary>
    private static void TryDelete(string path, JObject holder)
    {
        var moved = $"{path}.{Guid.NewGuid():N}.released";
        try
        {
            File.Move(path, moved);
        }
        catch (IOException)
        {
            return;
        }
        var taken = Read(moved);
        if (taken is not null && (string?)taken["token"] != (string?)holder["token"] && !File.Exists(path))
            File.Move(moved, path); // another owner took it meanwhile: give it back
        else
            File.Delete(moved);
    }
}
