using MIForge.Abstractions;
using MIForge.Host.Manifests;
using MIForge.Host.Options;
using MIForge.Host.Plugins;
using MIForge.Host.Runs;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Stages;

/// <summary>What the stage plan of one manifest point is built from: the bound manifest, the plugins, the
/// manifest's and the run's folders. Stage nodes read it while they are built and keep only what they need.</summary>
public sealed class PlanSource(LoadedManifest loaded, ManifestPoint point, PluginCatalog catalog, RunFolder run)
{
    /// <summary>The sweep point being planned.</summary>
    public ManifestPoint Point { get; } = point;

    /// <summary>The point's bound manifest.</summary>
    public Manifest Manifest => Point.Model;

    /// <summary>The manifest file (for error messages) and, through it, the folder relative paths start from.</summary>
    public string ManifestFile { get; } = loaded.File;

    /// <summary>The point's run folder.</summary>
    public RunFolder Run { get; } = run;

    /// <summary>The loaded plugins.</summary>
    public PluginCatalog Catalog { get; } = catalog;

    /// <summary>Writes bound options back to JSON (stage configurations, sidecars).</summary>
    public OptionsWriter Writer { get; } = new(catalog);

    /// <summary>"kind/name (from folder)" of a referenced plugin, for stage labels.</summary>
    public string Describe<T>(PluginRef<T> reference) where T : class =>
        Catalog.Find(PluginKind.Of(typeof(T))!, reference.Name) is { } d ? $"{d.Id} from {d.Source}" : reference.Name;

    /// <summary>The identity of the code that can change a stage with this configuration (<see cref="CodeIdentity"/>).</summary>
    public string CodeOf(JToken config) => CodeIdentity.Of(Catalog, config);
}
