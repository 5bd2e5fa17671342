using System.Reflection;
using System.Runtime.InteropServices;

namespace MIForge.Host.Plugins;

/// <summary>Reads a plugin folder without running any of its code: its assemblies are opened in a
/// <see cref="MetadataLoadContext"/> (metadata only, nothing executable, no module initializer), and each
/// [Plugin] class is described from metadata: kind, name, description, contract version, options schema.
/// `validate`, `describe` and `plugins` read folders from outside the install this way.</summary>
public static class PluginMetadata
{
    /// <summary>The folder's plugins, described from metadata; the same folder checks as <see cref="PluginFolderLoader.Load"/>.</summary>
    public static IReadOnlyList<PluginDescriptor> Read(string folder)
    {
        var candidates = PluginFolderLoader.Candidates(folder);
        var context = new MetadataLoadContext(new PathAssemblyResolver(ResolvablePaths(folder)), "System.Private.CoreLib");
        Contexts.Add(context); // types read from it stay valid while the process runs
        var found = new List<PluginDescriptor>();
        foreach (var path in candidates)
        {
            Assembly assembly;
            try
            {
                assembly = context.LoadFromAssemblyPath(path);
            }
            catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException)
            {
                throw new PluginLoadException($"plugin folder '{folder}': cannot read '{Path.GetFileName(path)}': {e.Message}", e);
            }
            found.AddRange(PluginDiscovery.Describe(assembly, folder));
        }
        return PluginFolderLoader.NotEmpty(found, folder, candidates);
    }

    private static readonly List<MetadataLoadContext> Contexts = [];

    /// <summary>The assemblies types may be resolved from: the runtime's, the host's (the shared ones among
    /// them win, as at run time), then the folder's own.</summary>
    private static IEnumerable<string> ResolvablePaths(string folder)
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"))
            byName.TryAdd(Path.GetFileNameWithoutExtension(file), file);
        var runtime = byName.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
            byName.TryAdd(Path.GetFileNameWithoutExtension(file), file);
        foreach (var file in Directory.EnumerateFiles(folder, "*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!SharedAssemblies.IsShared(name) && !runtime.Contains(name)) byName[name] = file;
        }
        return byName.Values;
    }
}
