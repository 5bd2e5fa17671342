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

    /// <summary>Outcomes of every stage, per point label. Every point is planned (and --out and --force
    /// checked) before anything is written.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<StageOutcome>> Run(LoadedManifest loaded, string? outDir, IReadOnlyCollection<string> force, CancellationToken cancellation)
    {
        var root = Root(loaded, outDir);
        if (File.Exists(root))
            throw new ManifestException(null, "--out", $"{root} is a file; expected a folder for the run (it is created when missing)");
        var planned = new List<(ManifestPoint point, RunFolder run, StageScopes scopes, IReadOnlyList<Stage> stages)>();
        foreach (var point in loaded.Points)
        {
            var run = new RunFolder(root, point.Label);
            var plan = new PlanSource(loaded, point, catalog, run);
            var scopes = Scopes(loaded, point, run);
            planned.Add((point, run, scopes, StagePlan.Build(plan)));
            CheckForce(force, planned[^1].stages, loaded.File);
            Check(plan, scopes, loaded.File, warning => Logger.LogWarning("{Warning}", Labelled(point, warning)));
        }
        Directory.CreateDirectory(root);
        AtomicFile.WriteJson(Path.Combine(root, "manifest.given.json"), loaded.Given);
        var logger = Logger;
        var results = new Dictionary<string, IReadOnlyList<StageOutcome>>();
        foreach (var (point, run, scopes, stages) in planned)
        {
            Directory.CreateDirectory(run.Directory);
            log.WriteTo(Path.Combine(run.LogsDirectory, "run.log"));
            logger.LogInformation("run {Name} {Point} into {Dir}", point.Model.Name, point.Label, run.Directory);
            AtomicFile.WriteJson(run.ResolvedManifest, point.Resolved);
            var threads = IntraOpThreads.Apply(point.Model.Threads);
            logger.LogInformation("{Threads} intra-op threads; oneDNN {OneDnn}", threads, MIForge.Numerics.Runtime.OneDnnKernels.Reason ?? "not chosen");
            AtomicFile.WriteJson(run.Environment, EnvironmentFacts.Collect(point.Model, loaded.File, catalog.Folders));
            // disposing the runner frees this point's data before the next point loads its own
            using var runner = new StageRunner(run, logger, point.Model.Seed, TorchRuntime.Identity(scopes.Device, threads), scopes);
            var outcomes = runner.Run(stages, force, cancellation);
            StageOutcome.WriteAll(run.Stages, outcomes);
            results[point.Label] = outcomes;
        }
        return results;
    }

    private ILogger Logger => ((ILoggerFactory)services.GetService(typeof(ILoggerFactory))!).CreateLogger("MIForge.Run");

    /// <summary>Plans every point of <paramref name="loaded"/> and makes the <see cref="PlanChecks"/>, writing nothing
    /// (what `validate` does after loading); warnings go to <paramref name="warn"/>.</summary>
    public void Check(LoadedManifest loaded, Action<string> warn)
    {
        foreach (var point in loaded.Points)
        {
            var run = new RunFolder(Root(loaded, null), point.Label);
            var plan = new PlanSource(loaded, point, catalog, run);
            StagePlan.Build(plan);
            Check(plan, Scopes(loaded, point, run), loaded.File, w => warn(Labelled(point, w)));
        }
    }

    /// <summary>The services of the stages of <paramref name="point"/>.</summary>
    private StageScopes Scopes(LoadedManifest loaded, ManifestPoint point, RunFolder run) =>
        new(catalog, services, progress, run.Directory, loaded.File, point.Model.Device);

    private static void Check(PlanSource plan, StageScopes scopes, string file, Action<string> warn)
    {
        var errors = new ErrorList(file);
        PlanChecks.Check(plan, scopes, errors, warn);
        errors.ThrowIfAny();
    }

    private static string Labelled(ManifestPoint point, string message) => point.Label.Length == 0 ? message : $"{point.Label}: {message}";

    private static void CheckForce(IReadOnlyCollection<string> force, IReadOnlyList<Stage> stages, string file)
    {
        var known = stages.Select(s => s.Id).Concat(stages.Select(s => s.Kind)).Distinct().ToArray();
        var bad = force.Where(f => !known.Contains(f)).ToArray();
        if (bad.Length > 0)
            throw new ManifestException(bad.Select(f => new ManifestError(null, "--force", $"no stage or stage kind '{f}'{Options.NearestNames.Hint(f, known)}")).ToArray());
    }
}
