using System.Reflection;
using McMaster.NETCore.Plugins;

namespace MIForge.Host.Plugins;

/// <summary>Loads one plugin folder: every assembly there that references MIForge.Abstractions
/// is checked for contract compatibility, then loaded through one McMaster
/// <see cref="PluginLoader"/> for the folder (private dependencies from the folder's .deps.json,
/// <see cref="SharedAssemblies"/> from the host).</summary>
public static class PluginFolderLoader
{
    public static IReadOnlyList<PluginDescriptor> Load(string folder)
    {
        var candidates = Candidates(folder);
        var loader = PluginLoader.CreateFromAssemblyFile(candidates[0], config =>
        {
            config.PreferSharedTypes = false;
            foreach (var name in SharedAssemblies.Provided()) config.SharedAssemblies.Add(name);
        });
        var found = new List<PluginDescriptor>();
        foreach (var path in candidates)
        {
            Assembly assembly;
            try
            {
                assembly = path == candidates[0] ? loader.LoadDefaultAssembly() : loader.LoadAssemblyFromPath(path);
            }
            catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException)
            {
                throw new PluginLoadException($"plugin folder '{folder}': cannot load '{Path.GetFileName(path)}': {e.Message}", e);
            }
            found.AddRange(PluginDiscovery.Describe(assembly, folder));
        }
        return NotEmpty(found, folder, candidates);
    }

    /// <summary>The folder's assemblies that reference MIForge.Abstractions, in path order, each checked for
    /// contract compatibility by reading its references (nothing is loaded); throws when there are none.</summary>
    public static IReadOnlyList<string> Candidates(string folder)
    {
        if (!Directory.Exists(folder))
            throw new PluginLoadException($"plugin folder '{folder}' does not exist");
        var candidates = Directory.GetFiles(folder, "*.dll")
            .Where(f => !SharedAssemblies.IsShared(Path.GetFileNameWithoutExtension(f)))
            .Select(f => (path: f, contract: ContractCheck.ReferencedContract(f)))
            .Where(x => x.contract is not null)
            .OrderBy(x => x.path, StringComparer.Ordinal)
            .ToArray();
        if (candidates.Length == 0)
            throw new PluginLoadException($"plugin folder '{folder}' has no plugins: no assembly there references {SharedAssemblies.Abstractions}; build a plugin project into it (see docs/plugins.md)");
        foreach (var (path, contract) in candidates)
            if (ContractCheck.Incompatibility(contract!, path) is { } why)
                throw new PluginLoadException($"plugin folder '{folder}': {why}");
        return candidates.Select(c => c.path).ToArray();
    }

    /// <summary><paramref name="found"/>, or an error when the folder's assemblies define no plugin.</summary>
    internal static IReadOnlyList<PluginDescriptor> NotEmpty(List<PluginDescriptor> found, string folder, IReadOnlyList<string> candidates) =>
        found.Count > 0 ? found : throw new PluginLoadException(
            $"plugin folder '{folder}' has no plugins: {string.Join(", ", candidates.Select(Path.GetFileName))} define no public class marked [Plugin]");
}
