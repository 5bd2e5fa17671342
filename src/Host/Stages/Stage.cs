using Newtonsoft.Json.Linq;

namespace MIForge.Host.Stages;

/// <summary>One node of a run: a unit of work whose result is cached under the hash of its
/// resolved configuration and its inputs' hashes.</summary>
public abstract class Stage(string id, string kind, JToken config, IReadOnlyList<Stage> inputs, string? plugin = null)
{
    /// <summary>Unique within a run, e.g. "attack.mcnn-bido.gmi"; names its folder.</summary>
    public string Id { get; } = id;

    /// <summary>"data", "evaluator", "target", "prior", "attack", "metrics", "ood" or "report"; --force accepts it.</summary>
    public string Kind { get; } = kind;

    /// <summary>The resolved configuration this stage's result depends on (besides its inputs).</summary>
    public JToken Config { get; } = config;

    public IReadOnlyList<Stage> Inputs { get; } = inputs;

    /// <summary>The plugin doing the work, as "kind/name (from folder)", for failure messages.</summary>
    public string? Plugin { get; } = plugin;

    /// <summary>The manifest key this stage comes from (e.g. "targets[1]", "attacks[0]", "prior"), for failure messages.</summary>
    public string? ManifestKey { get; init; }

    /// <summary>What the stage's seed is derived from (with the manifest seed); its id unless it seeds as another.</summary>
    public virtual string SeedKey => Id;

    /// <summary>How the runner treats the result.</summary>
    public virtual StageCaching Caching => StageCaching.Cached;

    /// <summary>Set by the plan: the identity of the plugin code the configuration names (<see cref="Plugins.CodeIdentity"/>), part of the hash.</summary>
    public string Code { get; internal set; } = "";

    /// <summary>Set by the runner: the content hash.</summary>
    public string Hash { get; internal set; } = "";

    /// <summary>Set by the runner: the finished stage's folder (null for stages without one).</summary>
    public string? Directory { get; internal set; }

    /// <summary>Does the work, writing outputs under the context's folder (which becomes
    /// <see cref="Directory"/> only if this returns). The runner has seeded torch's global generator
    /// with the context's seed just before, and has prepared the on-demand inputs (the data).</summary>
    public abstract void Execute(StageContext context);

    /// <summary>The folder of the finished input stage with this kind (and id, if given).</summary>
    protected string InputDirectory(string kind, string? id = null) =>
        Inputs.First(s => s.Kind == kind && (id is null || s.Id == id)).Directory
        ?? throw new InvalidOperationException($"input stage of kind {kind} has not run");

    public override string ToString() => Id;
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
