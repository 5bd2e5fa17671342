using System.CommandLine;
using MIForge.Host.Cli;
using MIForge.Host.Manifests;
using MIForge.Host.Plugins;
using MIForge.Host.Services;
using Microsoft.Extensions.Logging;

namespace MIForge.Host.Cluster;

/// <summary>The cluster commands: <c>run --stage</c>, <c>submit --slurm</c> and <c>status</c>.</summary>
public static class ClusterCommands
{
    /// <summary>run's --stage option.</summary>
    public static Option<string[]> StageOption() => new("--stage")
    {
        Description = "Run only this stage (id, e.g. attack.t.gmi or report, or content hash / 12+ character prefix) of every sweep point that has it; its inputs must be finished in the run folder or selected too (they run first). Repeatable. What each Slurm job runs.",
    };

    /// <summary>run --stage: the selected stages only.</summary>
    public static int RunStages(LoadedManifest loaded, string? outDir, string[] stages, string[] force, PluginCatalog catalog, IServiceProvider services, RunLog log, TextWriter output, TextWriter error, CliSettings settings)
    {
        if (force.Length > 0) throw new ManifestException(null, "--force", "does not combine with --stage (a selected stage runs unless finished; to redo one, delete its folder under stages/)");
        var results = new SingleStageRun(catalog, services, log, error).Run(loaded, outDir, stages, settings.Cancellation);
        foreach (var (label, o) in results)
            output.WriteLine($"{(label.Length == 0 ? "" : label + ": ")}stage {o.Id} ({o.Hash[..StageSelection.MinPrefix]}): {o.Status.ToString().ToLowerInvariant()}{(o.Directory is null ? "" : " " + o.Directory)}");
        return ExitCodes.Success;
    }

    public static Command Submit(TextWriter output, TextWriter error, CliSettings settings)
    {
        var manifest = new Argument<string>("manifest") { Description = "The manifest JSON file." };
        var slurm = new Option<bool>("--slurm") { Description = "Submit to Slurm with sbatch (the only scheduler so far; required)." };
        var outDir = new Option<string?>("--out", "-o") { Description = "Run folder on a filesystem every node shares (default: runs/<name>)." };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition of every job." };
        var time = new Option<string?>("--time") { Description = "Time limit of every job, HH:MM:SS or D-HH:MM:SS." };
        var gpus = new Option<int>("--gpus-per-stage") { Description = "GPUs per stage job (--gres=gpu:N); the report job gets none.", DefaultValueFactory = _ => 0 };
        var cpus = new Option<int>("--cpus-per-stage") { Description = "CPUs per stage job (--cpus-per-task).", DefaultValueFactory = _ => 1 };
        var extra = new Option<string[]>("--sbatch-arg") { Description = "A further sbatch option for every job, e.g. --sbatch-arg=--account=lab; repeatable.", AllowMultipleArgumentsPerToken = false };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the dependency graph and every sbatch script; submit and write nothing." };
        var command = new Command("submit", "Submit every stage of every sweep point as a Slurm job, dependencies as job dependencies.")
            { manifest, slurm, outDir, partition, time, gpus, cpus, extra, dryRun, CommandLine.pluginsOption, CommandLine.trustOption, CommandLine.verboseOption };
        command.SetAction(p => CommandLine.Guard(p, error, log =>
        {
            if (!p.GetValue(slurm)) throw new ManifestException(null, "--slurm", "required: Slurm is the only scheduler submit knows (miforge submit MANIFEST --slurm ...)");
            var resources = new JobResources(p.GetValue(partition), p.GetValue(time), p.GetValue(gpus), p.GetValue(cpus), p.GetValue(extra) ?? []);
            resources.Check();
            var plugins = p.GetValue(CommandLine.pluginsOption) ?? [];
            var trusted = p.GetValue(CommandLine.trustOption) ?? [];
            var catalog = HostSetup.Catalog(plugins, settings);
            var loaded = new ManifestLoader(catalog, settings.MaxSweepPoints, trusted).Load(p.GetValue(manifest)!);
            using var services = HostSetup.Services(log, p.GetValue(CommandLine.verboseOption));
            var logger = ((ILoggerFactory)services.GetService(typeof(ILoggerFactory))!).CreateLogger("MIForge.Submit");
            // each job computes with as many intra-op threads as it has CPUs (its script exports MIFORGE_THREADS), so hash for that count
            using var plan = SweepPlan.Build(loaded, p.GetValue(outDir), check: true, catalog, services, TextWriter.Null, logger, configuredThreads: resources.CpusPerStage);
            var forwarded = plugins.SelectMany(f => new[] { "--plugins", Path.GetFullPath(f) })
                .Concat(trusted.SelectMany(f => new[] { "--trust-plugins", Path.GetFullPath(f) })).ToArray();
            var dry = p.GetValue(dryRun);
            var summary = new SlurmSubmission(plan, resources, forwarded, output, logger).Submit(dry);
            output.WriteLine(dry
                ? $"dry run: {plan.Points.Count} point{(plan.Points.Count == 1 ? "" : "s")}, {summary.Cached} stages cached; nothing submitted"
                : $"submitted {summary.Submitted} jobs ({summary.Cached} stages cached, {summary.AlreadyQueued} already queued); records: {JobsFile.PathOf(plan.Root)}");
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Status(TextWriter output, TextWriter error)
    {
        var run = new Argument<string>("run") { Description = "A run folder (the --out of miforge run or submit)." };
        var command = new Command("status", "Every stage of a run folder: cached, queued, running, done or failed (with its job's log), from the folder and Slurm.") { run, CommandLine.verboseOption };
        command.SetAction(p => CommandLine.Guard(p, error, _ =>
        {
            RunStatus.Write(output, RunStatus.Of(p.GetValue(run)!));
            return ExitCodes.Success;
        }));
        return command;
    }
}
