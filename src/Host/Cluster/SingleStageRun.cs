using MIForge.Host.Manifests;
using MIForge.Host.Plugins;
using MIForge.Host.Runs;
using MIForge.Host.Services;
using MIForge.Host.Stages;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Cluster;

/// <summary><c>miforge run MANIFEST --out RUN --stage S</c>: runs the selected stages only (a Slurm job runs
/// one), reading their inputs from the run folder, which must hold them finished. Each runs through the
/// <see cref="StageRunner"/> as in a whole run: under its stage lock, into a .partial folder renamed when
/// done, with the data loaded in this process. A report stage also writes its point's files as a whole run
/// does (manifest.resolved.json, environment.json, stages.json, metrics.json, report.html). It does not repeat
/// validate's plan checks (submit made them before any job started; by hand, run `miforge validate` first).</summary>
public sealed class SingleStageRun(PluginCatalog catalog, IServiceProvider services, RunLog log, TextWriter progress)
{
    /// <summary>The outcomes of the selected stages (with their inputs, cached), per point label.</summary>
    public IReadOnlyList<(string label, StageOutcome outcome)> Run(LoadedManifest loaded, string? outDir, IReadOnlyCollection<string> selectors, CancellationToken cancellation)
    {
        var logger = ((ILoggerFactory)services.GetService(typeof(ILoggerFactory))!).CreateLogger("MIForge.Run");
        using var plan = SweepPlan.Build(loaded, outDir, check: false, catalog, services, progress, logger);
        var chosen = StageSelection.Select(plan, selectors);
        StageSelection.RequireInputs(plan, chosen);
        Directory.CreateDirectory(plan.Root);
        AtomicFile.WriteJson(Path.Combine(plan.Root, "manifest.given.json"), loaded.Given);
        var results = new List<(string, StageOutcome)>();
        foreach (var (point, stage) in chosen)
        {
            var folder = point.Run;
            log.WriteTo(Path.Combine(folder.LogsDirectory, $"{stage.Id}-{plan.HashOf(stage)[..StageSelection.MinPrefix]}.log"));
            logger.LogInformation("run {Name} {Point}: stage {Stage} ({Hash}) into {Dir}", point.Manifest.Model.Name, point.Manifest.Label, stage.Id, plan.HashOf(stage), plan.Root);
            IntraOpThreads.Apply(point.Manifest.Model.Threads);
            var report = stage.Caching == StageCaching.Always;
            if (report)
            {
                AtomicFile.WriteJson(folder.ResolvedManifest, point.Manifest.Resolved);
                AtomicFile.WriteJson(folder.Environment, EnvironmentFacts.Collect(point.Manifest.Model, loaded.File, catalog.Folders));
            }
            var outcomes = point.Runner.Run(SweepPlan.Closure(stage), [], cancellation);
            if (report)
                StageOutcome.WriteAll(folder.Stages, outcomes);
            results.Add((point.Manifest.Label, outcomes[^1]));
        }
        return results;
    }
}
