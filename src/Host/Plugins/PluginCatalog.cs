using System.Reflection;
using MIForge.Host.Options;

namespace MIForge.Host.Plugins;

/// <summary>Every plugin the host can use, by kind and name.</summary>
/// <param name="metadataOnly">Folders from outside the install (<see cref="AddFolder"/>) are read from metadata
/// only (<see cref="PluginMetadata"/>), so none of their code runs: what `validate`, `describe` and `plugins` do.
/// The install's own folders (<see cref="AddInstallFolder"/>) are always loaded.</param>
public sealed class PluginCatalog(bool metadataOnly = false) : IPluginNames
{
    private readonly List<PluginDescriptor> plugins = [];
    private readonly HashSet<string> loadedFolders = new(StringComparer.Ordinal);

    public IReadOnlyList<PluginDescriptor> All => plugins;

    /// <summary>Folders loaded so far (full paths).</summary>
    public IReadOnlyCollection<string> Folders => loadedFolders;

    /// <summary>Adds a plugin; throws when its kind already has one with that name.</summary>
    public void Add(PluginDescriptor d)
    {
        if (Find(d.Kind, d.Name) is { } existing)
            throw new PluginLoadException(
                $"duplicate {d.Kind.Name} plugin name '{d.Name}': {d.Type.FullName} from {d.Source} and {existing.Type.FullName} from {existing.Source}; remove one of the folders or rename one plugin");
        plugins.Add(d);
    }

    /// <summary>Adds every [Plugin] class of an assembly already loaded in the default context
    /// (plugins linked into the host, or fakes in tests).</summary>
    public void AddAssembly(Assembly assembly, string? source = null)
    {
        foreach (var d in PluginDiscovery.Describe(assembly, source ?? assembly.GetName().Name!)) Add(d);
    }

    /// <summary>True when folders from outside the install are read from metadata only.</summary>
    public bool MetadataOnly => metadataOnly;

    /// <summary>Adds a plugin folder from outside the install (--plugins, MIFORGE_PLUGIN_PATH, a manifest's
    /// "plugins"): loaded in its own load context, or read from metadata only when <see cref="MetadataOnly"/>.
    /// A folder already added is skipped.</summary>
    public void AddFolder(string folder) => Add(folder, metadataOnly);

    /// <summary>Loads one of the install's own plugin folders (the host's code): always loaded.</summary>
    public void AddInstallFolder(string folder) => Add(folder, false);

    private void Add(string folder, bool fromMetadata)
    {
        var full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        if (!loadedFolders.Add(full)) return;
        foreach (var d in fromMetadata ? PluginMetadata.Read(full) : PluginFolderLoader.Load(full)) Add(d);
    }

    public IReadOnlyCollection<string> NamesOf(PluginKind kind) => plugins.Where(p => p.Kind == kind).Select(p => p.Name).ToArray();

    public PluginDescriptor? Find(PluginKind kind, string name) =>
        plugins.FirstOrDefault(p => p.Kind == kind && p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The plugin, or a <see cref="PluginLoadException"/> suggesting the nearest names.</summary>
    public PluginDescriptor Get(PluginKind kind, string name) =>
        Find(kind, name) ?? throw new PluginLoadException($"unknown {kind.Name} plugin '{name}'{NearestNames.Hint(name, NamesOf(kind))}");
}
