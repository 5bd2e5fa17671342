using MIForge.Abstractions;
using MIForge.Host.Plugins;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Options;

/// <summary>How option types are named to users, in messages and in <c>miforge describe</c>.</summary>
public static class JsonTypeNames
{
    public static string Of(Type t)
    {
        if (MetadataTypes.NullableOf(t) is { } u) return Of(u);
        if (MetadataTypes.Is(t, typeof(string))) return "string";
        if (MetadataTypes.Is(t, typeof(bool))) return "boolean";
        if (MetadataTypes.Is(t, typeof(int)) || MetadataTypes.Is(t, typeof(long))) return "integer";
        if (MetadataTypes.Is(t, typeof(float)) || MetadataTypes.Is(t, typeof(double))) return "number";
        if (t.IsEnum) return "one of " + string.Join(", ", EnumNames(t).Select(n => $"\"{n}\""));
        if (ElementType(t) is { } e) return "list of " + Of(e);
        if (PluginRefKind(t) is { } k) return $"{k.Name} plugin (name or {{name, options}})";
        if (MetadataTypes.IsA(t, typeof(JToken))) return "JSON value";
        return "object";
    }

    /// <summary>The enum's values as users write them: WhiteBox → "white-box".</summary>
    public static IEnumerable<string> EnumNames(Type enumType) => MetadataTypes.EnumNames(enumType).Select(Kebab);

    public static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>Element type of T[], List&lt;T&gt;, IReadOnlyList&lt;T&gt;, IList&lt;T&gt;; null otherwise.</summary>
    public static Type? ElementType(Type t)
    {
        if (t.IsArray) return t.GetElementType();
        if (!t.IsGenericType) return null;
        var g = t.GetGenericTypeDefinition();
        return new[] { typeof(List<>), typeof(IReadOnlyList<>), typeof(IList<>), typeof(IEnumerable<>), typeof(IReadOnlyCollection<>) }.Any(l => MetadataTypes.Is(g, l))
            ? t.GetGenericArguments()[0] : null;
    }

    /// <summary>For PluginRef&lt;TKind&gt; the kind; null otherwise.</summary>
    public static PluginKind? PluginRefKind(Type t) =>
        t.IsGenericType && MetadataTypes.Is(t.GetGenericTypeDefinition(), typeof(PluginRef<>))
            ? PluginKind.All.FirstOrDefault(k => MetadataTypes.Is(t.GetGenericArguments()[0], k.Contract)) : null;

    /// <summary>A short description of what a JSON token is, for "got ..." in messages.</summary>
    public static string Describe(JToken v) => v.Type switch
    {
        JTokenType.String => $"string \"{Shorten((string)v!)}\"",
        JTokenType.Integer => $"integer {v}",
        JTokenType.Float => $"number {v}",
        JTokenType.Boolean => $"boolean {v.ToString().ToLowerInvariant()}",
        JTokenType.Null => "null",
        JTokenType.Array => "a list",
        JTokenType.Object => "an object",
        _ => v.Type.ToString().ToLowerInvariant(),
    };

    private static string Shorten(string s) => s.Length > 40 ? s[..37] + "..." : s;
}
