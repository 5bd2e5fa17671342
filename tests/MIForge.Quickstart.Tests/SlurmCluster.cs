using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MIForge.Quickstart.Tests;

/// <summary>A real single-node Slurm on this machine for the tests of one class: munged, slurmctld and slurmd
/// (Debian's munge and slurm-wlm, which `make setup` installs) started as root with a minimal slurm.conf in a
/// temporary folder (this host as the only node, with its real CPUs and memory; linuxproc process tracking,
/// no task plugin, no accounting storage, completed jobs written to a jobcomp text file), and stopped on
/// dispose, jobs cancelled first. SLURM_CONF is set for this process, so the clients and miforge find it.</summary>
public sealed class SlurmCluster : IDisposable
{
    private readonly List<Process> daemons = [];

    public SlurmCluster()
    {
        if (Environment.UserName != "root")
            throw new InvalidOperationException($"the Slurm tests start munged, slurmctld and slurmd and must run as root (running as {Environment.UserName}); CI runs `make test` as root");
        foreach (var program in new[] { "/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/bin/sbatch", "/usr/bin/squeue", "/usr/bin/scontrol" })
            if (!File.Exists(program))
                throw new InvalidOperationException($"{program} is missing: the Slurm tests need the Debian packages slurm-wlm and munge (`make setup` installs them)");
        Folder = Directory.CreateTempSubdirectory("miforge-slurm-").FullName;
        try
        {
            Start();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The temporary folder holding the configuration, state, spool, logs and munge key.</summary>
    public string Folder { get; }

    /// <summary>The completed-job records Slurm writes (jobcomp/filetxt).</summary>
    public string JobCompFile => Path.Combine(Folder, "jobcomp.txt");

    private void Start()
    {
        var key = Path.Combine(Folder, "munge.key");
        File.WriteAllBytes(key, System.Security.Cryptography.RandomNumberGenerator.GetBytes(1024));
        if (OperatingSystem.IsLinux()) File.SetUnixFileMode(key, UnixFileMode.UserRead);
        var socket = Path.Combine(Folder, "munge.socket");
        daemons.Add(Daemon("/usr/sbin/munged", "-F", "-f", $"--key-file={key}", $"--socket={socket}", $"--pid-file={Folder}/munged.pid",
            $"--log-file={Folder}/munged.log", $"--seed-file={Folder}/munged.seed"));
        Until(() => File.Exists(socket), TimeSpan.FromSeconds(10), "munged did not create its socket");

        // slurmd -C prints this host's node line: NodeName=<hostname -s> CPUs=... RealMemory=...
        var node = Run("/usr/sbin/slurmd", "-C").Split('\n')[0].Trim();
        var host = node.Split(' ')[0]["NodeName=".Length..];
        var ports = FreePorts(2);
        var conf = Path.Combine(Folder, "slurm.conf");
        foreach (var d in new[] { "state", "spool" }) Directory.CreateDirectory(Path.Combine(Folder, d));
        File.WriteAllLines(conf,
        [
            "ClusterName=miforge-test", $"SlurmctldHost={host}(127.0.0.1)", $"SlurmctldPort={ports[0]}", $"SlurmdPort={ports[1]}",
            "AuthType=auth/munge", "CredType=cred/munge", $"AuthInfo=socket={socket}", "SlurmUser=root", "SlurmdUser=root",
            $"StateSaveLocation={Folder}/state", $"SlurmdSpoolDir={Folder}/spool",
            $"SlurmctldPidFile={Folder}/slurmctld.pid", $"SlurmdPidFile={Folder}/slurmd.pid",
            $"SlurmctldLogFile={Folder}/slurmctld.log", $"SlurmdLogFile={Folder}/slurmd.log",
            "ProctrackType=proctrack/linuxproc", "TaskPlugin=task/none", "SelectType=select/cons_tres", "SelectTypeParameters=CR_Core",
            "AccountingStorageType=accounting_storage/none", "JobCompType=jobcomp/filetxt", $"JobCompLoc={JobCompFile}",
            "MpiDefault=none", "ReturnToService=2", "KillWait=5", "MinJobAge=600",
            $"{node} NodeAddr=127.0.0.1 State=UNKNOWN",
            $"PartitionName=debug Nodes={host} Default=YES MaxTime=INFINITE State=UP",
        ]);
        Environment.SetEnvironmentVariable("SLURM_CONF", conf);
        daemons.Add(Daemon("/usr/sbin/slurmctld", "-D", "-i", "-f", conf));
        daemons.Add(Daemon("/usr/sbin/slurmd", "-D", "-f", conf));
        Until(() => SlurmIdle(), TimeSpan.FromSeconds(30), "the node did not come up idle");
    }

    private static bool SlurmIdle()
    {
        var r = Host.Cluster.SlurmCommands.Run("sinfo", "-h", "-o", "%T");
        return r.Ok && r.Output.Trim() == "idle";
    }

    /// <summary>Runs a program and returns its standard output; a non-zero exit fails with its messages.</summary>
    public static string Run(string program, params string[] args)
    {
        var r = Host.Cluster.SlurmCommands.Run(program, args);
        if (!r.Ok) throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {r.ExitCode}: {r.Error}{r.Output}");
        return r.Output;
    }

    /// <summary>Waits until Slurm's queue holds none of <paramref name="jobs"/>.</summary>
    public void WaitForQueue(IEnumerable<string> jobs, TimeSpan timeout)
    {
        var list = string.Join(',', jobs);
        Until(() => Run("squeue", "-h", "-j", list, "-o", "%i").Trim().Length == 0, timeout, $"jobs {list} still queued or running:\n{Run("squeue", "-j", list)}");
    }

    /// <summary>Slurm's record of every job that ended (jobcomp/filetxt): job id → its fields (JobState, StartTime, EndTime, Name, ...).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> CompletedJobs() =>
        File.ReadAllLines(JobCompFile).Where(l => l.Length > 0)
            .Select(l => (IReadOnlyDictionary<string, string>)l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(f => f.Contains('='))
                .Select(f => f.Split('=', 2)).GroupBy(kv => kv[0]).ToDictionary(g => g.Key, g => g.First()[1]))
            .ToDictionary(f => f["JobId"]);

    private void Until(Func<bool> done, TimeSpan timeout, string failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{failure} (after {timeout.TotalSeconds:F0} s; logs in {Folder})\n{Logs()}");
            Thread.Sleep(200);
        }
    }

    private string Logs() => string.Join("\n", Directory.GetFiles(Folder, "*.log").Select(f => $"--- {f}\n{string.Join("\n", File.ReadLines(f).TakeLast(15))}"));

    /// <summary>Starts a daemon in the foreground; its output is read and dropped (it logs to its file in <see cref="Folder"/>).</summary>
    private static Process Daemon(string program, params string[] args)
    {
        var p = Process.Start(new ProcessStartInfo(program, args) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{program} did not start");
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static int[] FreePorts(int n)
    {
        var listeners = Enumerable.Range(0, n).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        foreach (var l in listeners) l.Start();
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var l in listeners) l.Stop();
        return ports;
    }

    /// <summary>Cancels every job, stops slurmd and slurmctld (scontrol shutdown, then by pid), then munged.</summary>
    public void Dispose()
    {
        if (daemons.Count >= 3)
        {
            Host.Cluster.SlurmCommands.Run("scancel", "--user=root");
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < deadline && Host.Cluster.SlurmCommands.Run("squeue", "-h", "-o", "%i") is { Ok: true, Output: var q } && q.Trim().Length > 0) Thread.Sleep(200);
            Host.Cluster.SlurmCommands.Run("scontrol", "shutdown");
        }
        foreach (var d in Enumerable.Reverse(daemons))
        {
            // slurmctld and slurmd end on `scontrol shutdown`; munged is stopped here
            if (d == daemons[0] || !d.WaitForExit(10_000))
            {
                try { d.Kill(); }
                catch (InvalidOperationException) { }
            }
            d.WaitForExit(5_000);
            d.Dispose();
        }
        Environment.SetEnvironmentVariable("SLURM_CONF", null);
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}
