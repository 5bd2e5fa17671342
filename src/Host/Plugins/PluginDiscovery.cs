using System.Reflection;
using MIForge.Abstractions;
using MIForge.Host.Options;

namespace MIForge.Host.Plugins;

/// <summary>Finds the [Plugin] classes of an assembly and describes them.</summary>
public static class PluginDiscovery
{
    public static IReadOnlyList<PluginDescriptor> Describe(Assembly assembly, string source)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            var why = string.Join("; ", e.LoaderExceptions.OfType<Exception>().Select(x => x.Message).Distinct().Take(3));
            throw new PluginLoadException($"plugin folder '{source}': cannot read types of {assembly.GetName().Name}: {why}", e);
        }
        return types.Where(t => MetadataTypes.Attribute(t, typeof(PluginAttribute)) is not null).Select(t => Describe(t, source)).ToArray();
    }

    /// <summary>The descriptor of one [Plugin] class; throws when it implements no kind, several
    /// kinds, or has an unusable constructor.</summary>
    public static PluginDescriptor Describe(Type type, string source)
    {
        var attr = MetadataTypes.Attribute(type, typeof(PluginAttribute))
            ?? throw new PluginLoadException($"{type.FullName} (from {source}) has no [Plugin] attribute");
        var name = MetadataTypes.Argument(attr, 0) as string ?? "";
        var description = MetadataTypes.Argument(attr, 1) as string ?? "";
        var label = $"plugin '{name}' ({type.FullName}, from {source})";
        var kinds = PluginKind.All.Where(k => MetadataTypes.IsA(type, k.Contract)).ToArray();
        if (kinds.Length == 0)
            throw new PluginLoadException($"{label} implements no plugin kind; implement one of {string.Join(", ", PluginKind.All.Select(k => k.Contract.Name))}");
        if (kinds.Length > 1)
            throw new PluginLoadException($"{label} implements several kinds ({string.Join(", ", kinds.Select(k => k.Name))}); a plugin has exactly one");
        if (!type.IsPublic || type.IsAbstract)
            throw new PluginLoadException($"{label} must be a public, non-abstract class");
        var ctors = type.GetConstructors();
        if (ctors.Length != 1)
            throw new PluginLoadException($"{label} must have exactly one public constructor, has {ctors.Length}");
        var optionParams = ctors[0].GetParameters().Select(p => p.ParameterType).Where(IsOptionsParameter).ToArray();
        if (optionParams.Length > 1)
            throw new PluginLoadException($"{label} takes several options classes ({string.Join(", ", optionParams.Select(t => t.Name))}); take one");
        return new PluginDescriptor(kinds[0], name, description, type, optionParams.SingleOrDefault(), source);
    }

    /// <summary>A constructor parameter the host fills by binding manifest JSON (not a service).</summary>
    public static bool IsOptionsParameter(Type t) =>
        OptionsSchema.IsOptionsClass(t)
        && t.Assembly.GetName().Name is not (SharedAssemblies.Abstractions or SharedAssemblies.Torch)
        && t.Namespace?.StartsWith("Microsoft.Extensions", StringComparison.Ordinal) != true;
}
