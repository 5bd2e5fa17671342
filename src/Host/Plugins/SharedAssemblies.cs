using System.Reflection;

namespace MIForge.Host.Plugins;

/// <summary>Assemblies every plugin must share with the host, so contract types are identical
/// across load contexts (and one TorchSharp, with one libtorch, is loaded). They always resolve
/// from the default context.</summary>
public static class SharedAssemblies
{
    public const string Abstractions = "MIForge.Abstractions";
    public const string Torch = "TorchSharp";
    public const string Numerics = "MIForge.Numerics";

    public static bool IsShared(AssemblyName name) => IsShared(name.Name);

    public static bool IsShared(string? name) =>
        name is Abstractions or Torch or Numerics or "Newtonsoft.Json"
        || (name is not null && name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
            && name.EndsWith(".Abstractions", StringComparison.Ordinal));

    private static readonly Lazy<IReadOnlyList<AssemblyName>> provided = new(Find);

    /// <summary>The shared assemblies the host can provide: those loaded and those beside the host (found once).</summary>
    public static IReadOnlyList<AssemblyName> Provided() => provided.Value;

    private static IReadOnlyList<AssemblyName> Find()
    {
        var names = new Dictionary<string, AssemblyName>(StringComparer.Ordinal);
        foreach (var a in AppDomain.CurrentDomain.GetAssemblies())
            if (a.GetName() is { Name: { } n } an && IsShared(n)) names.TryAdd(n, an);
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
        {
            var n = Path.GetFileNameWithoutExtension(file);
            if (!IsShared(n) || names.ContainsKey(n)) continue;
            try { names[n] = AssemblyName.GetAssemblyName(file); }
            catch (BadImageFormatException) { }
        }
        return names.Values.OrderBy(n => n.Name, StringComparer.Ordinal).ToArray();
    }
}
