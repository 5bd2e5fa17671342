using System.Diagnostics;
using MIForge.Host.Manifests;
using MIForge.Host.Plugins;
using MIForge.Host.Runs;
using MIForge.Host.Services;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using TorchSharp;

namespace MIForge.Host.Stages;

/// <summary>Runs stages in order, skipping those whose folder for the same content hash is
/// already finished. A stage is computed under its <see cref="StageLock"/>, so processes sharing a run
/// folder never compute one stage twice at once: the second waits, then finds it cached. It writes into
/// "&lt;folder&gt;.partial", renamed when it returns, so a killed run leaves no half-finished stage
/// behind and the next run resumes after the last finished one. The runner owns seeding: just before a
/// stage executes it seeds torch's global generator and a fresh generator of the stage's own from the
/// stage's seed, after producing the on-demand inputs (the data), so a result depends only on its inputs.
/// The plan's stages are never changed: hashes, folders and produced values live in the runner's
/// <see cref="Results"/>, from which each stage's typed inputs are read. Disposing the runner frees what
/// it produced (the data).</summary>
public sealed class StageRunner(RunFolder run, ILogger logger, long manifestSeed, string runtime, StageScopes scopes) : IDisposable
{
    private readonly Dictionary<Stage, StageResult> results = [];
    private readonly List<IDisposable> produced = [];

    /// <summary>Bumped when stage folder contents change meaning, to invalidate old caches (code changes
    /// are in the hash by themselves).</summary>
    public const int FormatVersion = 1;

    /// <summary>What the runner knows of each stage it has seen: hash, and folder or produced value.</summary>
    public IReadOnlyDictionary<Stage, StageResult> Results => results;

    /// <param name="stages">In dependency order (inputs first).</param>
    /// <param name="force">Stage ids or kinds to rerun even when cached; their dependents rerun too.</param>
    public IReadOnlyList<StageOutcome> Run(IReadOnlyList<Stage> stages, IReadOnlyCollection<string> force, CancellationToken cancellation)
    {
        var outcomes = new List<StageOutcome>();
        var rerun = new HashSet<Stage>();
        foreach (var stage in stages)
        {
            cancellation.ThrowIfCancellationRequested();
            var hash = HashOf(stage);
            if (stage.Caching == StageCaching.OnDemand)
            {
                results[stage] = new StageResult(hash, null);
                outcomes.Add(new StageOutcome(stage.Id, stage.Kind, hash, StageStatus.OnDemand, null, 0));
                continue;
            }
            var forced = force.Any(f => f == stage.Id || f == stage.Kind) || stage.Inputs.Any(rerun.Contains);
            var dir = run.StageDirectory(stage.Id, hash);
            if (Cached(stage, hash, dir, forced) is { } cached)
            {
                outcomes.Add(cached);
                continue;
            }
            using var stageLock = StageLock.Acquire(dir, logger, cancellation);
            // another process may have finished it while this one waited for the lock
            if (Cached(stage, hash, dir, forced) is { } finished)
            {
                outcomes.Add(finished);
                continue;
            }
            if (forced) rerun.Add(stage);
            Prepare(stage, cancellation);
            outcomes.Add(Execute(stage, hash, dir, cancellation));
        }
        return outcomes;
    }

    /// <summary>The content hash of every stage (inputs first), as <see cref="Run"/> computes it, without running
    /// any: what <c>submit</c> and <c>run --stage</c> plan with.</summary>
    public IReadOnlyDictionary<Stage, string> Hash(IReadOnlyList<Stage> stages)
    {
        var hashes = new Dictionary<Stage, string>();
        foreach (var stage in stages) hashes[stage] = HashOf(stage, hashes.GetValueOrDefault);
        return hashes;
    }

    private StageOutcome? Cached(Stage stage, string hash, string dir, bool forced)
    {
        if (stage.Caching != StageCaching.Cached || forced || !File.Exists(Path.Combine(dir, StageRecord.FileName))) return null;
        StageRecord.Verify(dir, stage.Id);
        results[stage] = new StageResult(hash, dir);
        logger.LogInformation("stage {Stage}: cached ({Dir})", stage.Id, dir);
        return new StageOutcome(stage.Id, stage.Kind, hash, StageStatus.Cached, dir, 0);
    }

    /// <summary>Produces the on-demand inputs of a stage about to run (once per run), failing as those stages.</summary>
    private void Prepare(Stage stage, CancellationToken cancellation)
    {
        foreach (var input in stage.Inputs.Where(i => i.Caching == StageCaching.OnDemand && results[i].Value is null))
        {
            if (input is not IProducedStage producer) throw new InvalidOperationException($"stage '{input.Id}' is on demand but produces nothing");
            logger.LogInformation("stage {Stage}: loading{Plugin}", input.Id, input.Plugin is null ? "" : $" ({input.Plugin})");
            var clock = Stopwatch.StartNew();
            var generator = Seeded(input, out var seed);
            var services = scopes.Open(input.Id, run.Directory, seed, generator, cancellation);
            services.Own(generator);
            try
            {
                var value = producer.Produce(new StageContext(run.Directory, seed, generator, cancellation, services, new StageInputs(input, results)));
                produced.Add(services); // kept for the run: the produced value may use the plugins it was made with
                produced.Add(value);
                results[input] = results[input] with { Value = value };
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                services.Dispose();
                throw Failure(input, e);
            }
            logger.LogInformation("stage {Stage}: loaded in {Seconds:F1}s", input.Id, clock.Elapsed.TotalSeconds);
        }
    }

    /// <summary>Seeds torch's global generator for <paramref name="stage"/> and returns a generator of its own with the same seed.</summary>
    private torch.Generator Seeded(Stage stage, out long seed)
    {
        seed = StageSeed.Of(manifestSeed, stage.SeedKey);
        torch.manual_seed(seed);
        return new torch.Generator(unchecked((ulong)seed));
    }

    private StageOutcome Execute(Stage stage, string hash, string dir, CancellationToken cancellation)
    {
        var partial = dir + ".partial";
        if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
        Directory.CreateDirectory(partial);
        logger.LogInformation("stage {Stage}: running{Plugin}", stage.Id, stage.Plugin is null ? "" : $" ({stage.Plugin})");
        var clock = Stopwatch.StartNew();
        var started = DateTime.UtcNow;
        try
        {
            using (var generator = Seeded(stage, out var seed))
            using (var services = scopes.Open(stage.Id, partial, seed, generator, cancellation))
                stage.Execute(new StageContext(partial, seed, generator, cancellation, services, new StageInputs(stage, results)));
            StageRecord.Write(partial, stage, hash, stage.Inputs.Select(i => results[i].Hash).ToArray(), started, clock.Elapsed);
            Commit(partial, dir);
        }
        catch (Exception e)
        {
            TryDelete(partial);
            if (e is OperationCanceledException) throw;
            throw Failure(stage, e);
        }
        results[stage] = new StageResult(hash, dir);
        logger.LogInformation("stage {Stage}: done in {Seconds:F1}s", stage.Id, clock.Elapsed.TotalSeconds);
        return new StageOutcome(stage.Id, stage.Kind, hash, StageStatus.Ran, dir, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The error to report for <paramref name="stage"/> failing with <paramref name="e"/>: it names the stage and its plugin.</summary>
    private Exception Failure(Stage stage, Exception e)
    {
        var about = string.Join("; ", new[] { stage.Plugin, stage.ManifestKey is null ? null : "manifest key " + stage.ManifestKey }.OfType<string>());
        var label = $"stage '{stage.Id}'" + (about.Length == 0 ? "" : $" ({about})");
        logger.LogError(e, "{Label} failed", label);
        return e switch
        {
            ManifestException m => new ManifestException(m.Errors.Select(x => x with { Message = $"{x.Message} (in {label})" }).ToArray()),
            PluginLoadException p => new PluginLoadException($"{label}: {p.Message}", p),
            _ => new StageFailedException(stage.Id, $"{label} failed: {e.Message}", e),
        };
    }

    /// <summary>Hash of kind, id, seed, configuration, format version, the code (plugins and host), the tensor
    /// runtime and device, and the inputs' hashes (which the runner must have recorded). The seed comes from
    /// the id (or <c>seedAs</c>), so stages alike but for their id differ in bytes and must differ in hash;
    /// the id itself makes one hash one folder, which <c>submit</c> and <c>run --stage HASH</c> rely on.</summary>
    private string HashOf(Stage stage) => HashOf(stage, i => results.TryGetValue(i, out var r) ? r.Hash : null);

    private string HashOf(Stage stage, Func<Stage, string?> inputHash) => ContentHash.Of(new JObject
    {
        ["kind"] = stage.Kind,
        ["id"] = stage.Id,
        ["seed"] = StageSeed.Of(manifestSeed, stage.SeedKey),
        ["format"] = FormatVersion,
        ["config"] = stage.Config.DeepClone(),
        ["code"] = stage.Code,
        ["runtime"] = runtime,
        ["inputs"] = new JArray(stage.Inputs.Select(i => inputHash(i)
            ?? throw new InvalidOperationException($"stage '{stage.Id}' comes before its input '{i.Id}'; stages must be given inputs first"))),
    });

    /// <summary>Puts the finished <paramref name="partial"/> folder in place (under the stage lock): a folder
    /// being replaced (a forced rerun) is first renamed aside, so <paramref name="dir"/> is never half-deleted.</summary>
    private static void Commit(string partial, string dir)
    {
        string? old = null;
        if (Directory.Exists(dir))
        {
            old = $"{dir}.replaced-{Guid.NewGuid():N}";
            Directory.Move(dir, old);
        }
        Directory.Move(partial, dir);
        if (old is not null) TryDelete(old);
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Frees what the runner produced (the data and the services it was loaded with), newest first.</summary>
    public void Dispose()
    {
        for (var i = produced.Count - 1; i >= 0; i--) produced[i].Dispose();
        produced.Clear();
    }
}
