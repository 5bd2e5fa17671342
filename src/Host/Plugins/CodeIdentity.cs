using System.Reflection;
using System.Runtime.Loader;
using MIForge.Host.Runs;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Plugins;

/// <summary>The identity of the code behind a stage's configuration: the module version ids of the
/// host assembly and the MIForge assemblies it references (the stage code, the trainer, shared math,
/// the contracts), and, for every plugin the configuration names (any object with a "name" the catalog
/// knows, nested ones included, e.g. the base attack inside ppdg or the measure inside bido), of its
/// assembly, of the MIForge assemblies it references and of the assemblies private to its plugin folder,
/// transitively. Builds are deterministic with source paths mapped (Directory.Build.props), so a rebuild
/// of unchanged code, in any folder, keeps caches, while a change to the host, to a plugin or to shared
/// code changes every stage it can affect.</summary>
public static class CodeIdentity
{
    private const string OwnPrefix = "MIForge.";

    /// <summary>The host assembly and the MIForge assemblies it uses, found once per process.</summary>
    private static readonly Lazy<Dictionary<string, Guid>> HostCode = new(() =>
    {
        var host = new Dictionary<string, Guid>(StringComparer.Ordinal);
        AddWithReferences(typeof(CodeIdentity).Assembly, host);
        return host;
    });

    /// <summary>A hex digest of the host's code and of the code of the plugins <paramref name="config"/> names.</summary>
    public static string Of(PluginCatalog catalog, JToken config)
    {
        var assemblies = new Dictionary<string, Guid>(HostCode.Value, StringComparer.Ordinal);
        foreach (var plugin in PluginsIn(catalog, config))
            AddWithReferences(plugin.Type.Assembly, assemblies);
        return ContentHash.Of(new JObject(assemblies.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new JProperty(a.Key, a.Value.ToString("N")))));
    }

    /// <summary>The plugins of the catalog that <paramref name="config"/> names, nested ones included.</summary>
    public static IEnumerable<PluginDescriptor> PluginsIn(PluginCatalog catalog, JToken config) =>
        NamesIn(config).Distinct(StringComparer.OrdinalIgnoreCase)
            .SelectMany(name => catalog.All.Where(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)));

    private static IEnumerable<string> NamesIn(JToken token) => token switch
    {
        JObject o => (o["name"] is JValue { Type: JTokenType.String } v ? [(string)v!] : Array.Empty<string>())
            .Concat(o.Properties().SelectMany(p => NamesIn(p.Value))),
        JArray a => a.SelectMany(NamesIn),
        _ => [],
    };

    private static void AddWithReferences(Assembly assembly, Dictionary<string, Guid> seen)
    {
        var name = assembly.GetName().Name ?? assembly.FullName ?? "?";
        if (!seen.TryAdd(name, assembly.ManifestModule.ModuleVersionId) || assembly.ReflectionOnly) return; // metadata only: nothing to load
        var context = AssemblyLoadContext.GetLoadContext(assembly) ?? AssemblyLoadContext.Default;
        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            Assembly resolved;
            try
            {
                resolved = context.LoadFromAssemblyName(reference);
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                continue;
            }
            var own = reference.Name?.StartsWith(OwnPrefix, StringComparison.Ordinal) == true;
            var folderPrivate = context != AssemblyLoadContext.Default && AssemblyLoadContext.GetLoadContext(resolved) == context;
            if (own || folderPrivate) AddWithReferences(resolved, seen);
        }
    }
}
