using MIForge.Host.Manifests;
using MIForge.Host.Plugins;
using MIForge.Host.Runs;
using MIForge.Host.Services;
using MIForge.Host.Stages;
using Microsoft.Extensions.Logging;

namespace MIForge.Host.Cluster;

/// <summary>Every sweep point of a manifest planned into one run folder, each stage hashed as the runner
/// would hash it, nothing run: what <c>submit</c> turns into jobs and <c>run --stage</c> picks from.</summary>
public sealed class SweepPlan : IDisposable
{
    /// <summary>One point: its folder, its stages (inputs first, hashed) and the runner for them.</summary>
    public sealed record Point(ManifestPoint Manifest, RunFolder Run, IReadOnlyList<Stage> Stages, StageRunner Runner);

    private readonly Dictionary<Stage, string> hashes;

    private SweepPlan(string root, LoadedManifest loaded, IReadOnlyList<Point> points, Dictionary<Stage, string> hashes)
    {
        this.hashes = hashes;
        Root = root;
        Loaded = loaded;
        Points = points;
    }

    /// <summary>The run folder.</summary>
    public string Root { get; }

    public LoadedManifest Loaded { get; }

    public IReadOnlyList<Point> Points { get; }

    /// <summary>Plans every point of <paramref name="loaded"/>, writing nothing; with <paramref name="check"/> also makes
    /// <c>validate</c>'s plan checks (a forward of zeros through every model among them), which stage jobs skip: submit made them.
    /// Hashes are for the thread count of a process configured with <paramref name="configuredThreads"/> (null: this one).</summary>
    public static SweepPlan Build(LoadedManifest loaded, string? outDir, bool check, PluginCatalog catalog, IServiceProvider services, TextWriter progress, ILogger logger, int? configuredThreads = null)
    {
        var root = ExperimentRun.Root(loaded, outDir);
        if (File.Exists(root))
            throw new ManifestException(null, "--out", $"{root} is a file; expected a folder for the run (it is created when missing)");
        if (check)
            new ExperimentRun(catalog, services, new Services.RunLog(TextWriter.Null, LogLevel.None), TextWriter.Null)
                .Check(loaded, w => logger.LogWarning("{Warning}", w));
        var points = new List<Point>();
        var hashes = new Dictionary<Stage, string>();
        foreach (var point in loaded.Points)
        {
            var run = new RunFolder(root, point.Label);
            var stages = StagePlan.Build(new PlanSource(loaded, point, catalog, run));
            var scopes = new StageScopes(catalog, services, progress, run.Directory, loaded.File, point.Model.Device);
            var runner = new StageRunner(run, logger, point.Model.Seed, TorchRuntime.Identity(scopes.Device, IntraOpThreads.For(point.Model.Threads, configuredThreads)), scopes);
            foreach (var (stage, hash) in runner.Hash(stages)) hashes[stage] = hash;
            points.Add(new Point(point, run, stages, runner));
        }
        return new SweepPlan(root, loaded, points, hashes);
    }

    /// <summary>The content hash of a planned stage.</summary>
    public string HashOf(Stage stage) => hashes[stage];

    /// <summary>The folder a stage's result lives in once finished.</summary>
    public string DirectoryOf(Stage stage) => new RunFolder(Root).StageDirectory(stage.Id, HashOf(stage));

    /// <summary>True when <paramref name="stage"/> keeps a folder and that folder is finished (its stage.json exists).</summary>
    public bool IsFinished(Stage stage) =>
        stage.Caching == StageCaching.Cached && File.Exists(Path.Combine(DirectoryOf(stage), StageRecord.FileName));

    /// <summary><paramref name="stage"/> and everything it reads, directly or not, inputs first.</summary>
    public static IReadOnlyList<Stage> Closure(Stage stage)
    {
        var order = new List<Stage>();
        var seen = new HashSet<Stage>();
        void Visit(Stage s)
        {
            if (!seen.Add(s)) return;
            foreach (var i in s.Inputs) Visit(i);
            order.Add(s);
        }
        Visit(stage);
        return order;
    }

    public void Dispose()
    {
        foreach (var p in Points) p.Runner.Dispose();
    }
}
