using Newtonsoft.Json.Linq;

namespace MIForge.Host.Stages;

/// <summary>One node of a run's plan: a unit of work whose result is cached under the hash of its
/// resolved configuration, its code and its inputs' hashes. Immutable: the runner keeps hashes and
/// folders in its own records (<see cref="StageResult"/>).</summary>
public abstract class Stage
{
    protected Stage(PlanSource plan, string id, string kind, JToken config, IReadOnlyList<Stage> inputs, string? plugin = null)
    {
        Id = id;
        Kind = kind;
        Config = config;
        Inputs = inputs;
        Plugin = plugin;
        Code = plan.CodeOf(config);
    }

    /// <summary>Unique within a run, e.g. "attack.mcnn-bido.gmi"; names its folder.</summary>
    public string Id { get; }

    /// <summary>"data", "evaluator", "target", "prior", "attack", "metrics", "ood" or "report"; --force accepts it.</summary>
    public string Kind { get; }

    /// <summary>The resolved configuration this stage's result depends on (besides its inputs).</summary>
    public JToken Config { get; }

    /// <summary>The stages whose results this one reads.</summary>
    public IReadOnlyList<Stage> Inputs { get; }

    /// <summary>The plugin doing the work, as "kind/name (from folder)", for failure messages.</summary>
    public string? Plugin { get; }

    /// <summary>The identity of the code that can change the result (<see cref="Plugins.CodeIdentity"/>), part of the hash.</summary>
    public string Code { get; }

    /// <summary>The manifest key this stage comes from (e.g. "targets[1]", "attacks[0]", "prior"), for failure messages.</summary>
    public string? ManifestKey { get; init; }

    /// <summary>What the stage's seed is derived from (with the manifest seed); its id unless it seeds as another.</summary>
    public virtual string SeedKey => Id;

    /// <summary>How the runner treats the result.</summary>
    public virtual StageCaching Caching => StageCaching.Cached;

    /// <summary>Does the work, writing outputs under the context's folder (which becomes the stage's folder
    /// only if this returns). The runner has seeded torch's global generator with the context's seed just
    /// before, and has produced the on-demand inputs (the data).</summary>
    public abstract void Execute(StageContext context);

    public override string ToString() => Id;
}

/// <summary>A stage whose result later stages read as a <typeparamref name="TArtifact"/>.</summary>
public abstract class Stage<TArtifact>(PlanSource plan, string id, string kind, JToken config, IReadOnlyList<Stage> inputs, string? plugin = null)
    : Stage(plan, id, kind, config, inputs, plugin)
{
    /// <summary>The artifact of this stage's finished result, from the runner's record of it; fails naming the
    /// stage and what is missing when the result is incomplete.</summary>
    public abstract TArtifact Open(StageResult result);

    /// <summary>The finished folder of <paramref name="result"/>, which must exist.</summary>
    protected string FolderOf(StageResult result) =>
        result.Directory is { } dir && System.IO.Directory.Exists(dir) ? dir
        : throw new InvalidDataException($"stage '{Id}': its folder {result.Directory ?? "(none)"} is missing; run it again (--force {Id})");
}

/// <summary>A stage whose result is not stored but produced in memory: the runner produces it once per run,
/// before the first stage that needs it, and holds it until the run point ends.</summary>
public interface IProducedStage
{
    /// <summary>Produces the result; the runner owns and disposes it.</summary>
    IDisposable Produce(StageContext context);
}

/// <summary>How the runner caches a stage.</summary>
public enum StageCaching
{
    /// <summary>Runs once per hash; the folder is reused afterwards.</summary>
    Cached,

    /// <summary>Has no folder; its result is produced on demand by the stages that need it.</summary>
    OnDemand,

    /// <summary>Runs every time (cheap summaries such as the report).</summary>
    Always,
}
