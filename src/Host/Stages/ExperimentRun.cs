using MIForge.Host.Manifests;
using MIForge.Host.Plugins;
using MIForge.Host.Runs;
using MIForge.Host.Services;
using TorchSharp;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using static TorchSharp.torch;

namespace MIForge.Host.Stages;

/// <summary>Runs a loaded manifest into a run folder: records the manifest and environment,
/// plans and runs each sweep point's stages, writes stages.json.</summary>
public sealed class ExperimentRun(PluginCatalog catalog, IServiceProvider services, RunLog log, TextWriter progress)
{
    /// <summary>The run folder: --out, or runs/&lt;name&gt; under the current folder.</summary>
    public static string Root(LoadedManifest loaded, string? outDir) =>
        Path.GetFullPath(outDir ?? Path.Combine("runs", loaded.Points[0].Model.Name));

    /// <summary>Outcomes of every stage, per point label.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<StageOutcome>> Run(LoadedManifest loaded, string? outDir, IReadOnlyCollection<string> force, CancellationToken cancellation)
    {
        var root = Root(loaded, outDir);
        Directory.CreateDirectory(root);
        AtomicFile.WriteJson(Path.Combine(root, "manifest.given.json"), loaded.Given);
        var logger = ((ILoggerFactory)services.GetService(typeof(ILoggerFactory))!).CreateLogger("MIForge.Run");
        var results = new Dictionary<string, IReadOnlyList<StageOutcome>>();
        foreach (var point in loaded.Points)
        {
            var run = new RunFolder(root, point.Label);
            Directory.CreateDirectory(run.Directory);
            log.WriteTo(Path.Combine(run.LogsDirectory, "run.log"));
            logger.LogInformation("run {Name} {Point} into {Dir}", point.Model.Name, point.Label, run.Directory);
            AtomicFile.WriteJson(run.ResolvedManifest, point.Resolved);
            AtomicFile.WriteJson(run.Environment, EnvironmentFacts.Collect(point.Model, loaded.File, catalog.Folders));
            if (point.Model.Threads > 0) torch.set_num_threads(point.Model.Threads);
            using var experiment = new Experiment(loaded, point, run, catalog, services, progress, cancellation);
            var stages = StagePlan.Build(experiment);
            CheckForce(force, stages, loaded.File);
            var outcomes = new StageRunner(run, logger).Run(stages, force, cancellation);
            AtomicFile.WriteJson(run.Stages, new JArray(outcomes.Select(o => new JObject
            {
                ["id"] = o.Id, ["kind"] = o.Kind, ["hash"] = o.Hash, ["status"] = o.Status.ToString().ToLowerInvariant(),
                ["directory"] = o.Directory, ["seconds"] = Math.Round(o.Seconds, 3),
            })));
            results[point.Label] = outcomes;
        }
        return results;
    }

    private static void CheckForce(IReadOnlyCollection<string> force, IReadOnlyList<Stage> stages, string file)
    {
        var known = stages.Select(s => s.Id).Concat(stages.Select(s => s.Kind)).Distinct().ToArray();
        var bad = force.Where(f => !known.Contains(f)).ToArray();
        if (bad.Length > 0)
            throw new ManifestException(bad.Select(f => new ManifestError(null, "--force", $"no stage or stage kind '{f}'{Options.NearestNames.Hint(f, known)}")).ToArray());
    }
}
