using System.Reflection;

namespace MIForge.Host.Plugins;

/// <summary>Type questions answered by name, so that they hold both for loaded types and for types read
/// from metadata only (<see cref="PluginMetadata"/>, a MetadataLoadContext), whose types are never equal to
/// the host's <c>typeof(...)</c> and whose attributes cannot be instantiated.</summary>
public static class MetadataTypes
{
    /// <summary>True when <paramref name="t"/> is a loaded (runnable) type, false when it was read from metadata only.</summary>
    public static bool IsLoaded(Type t) => !t.Assembly.ReflectionOnly;

    /// <summary>True when <paramref name="t"/> is <paramref name="known"/>, or its namesake from metadata.</summary>
    public static bool Is(Type t, Type known) =>
        t == known || (t.FullName == known.FullName && t.Assembly.GetName().Name == known.Assembly.GetName().Name);

    /// <summary>True when <paramref name="t"/> is, derives from, or implements <paramref name="known"/>.</summary>
    public static bool IsA(Type t, Type known)
    {
        if (IsLoaded(t) && IsLoaded(known)) return known.IsAssignableFrom(t);
        for (var b = t; b is not null; b = b.BaseType)
            if (Is(b, known)) return true;
        return t.GetInterfaces().Any(i => Is(i, known));
    }

    /// <summary>The type argument of Nullable&lt;T&gt;, or null.</summary>
    public static Type? NullableOf(Type t) =>
        t.IsGenericType && Is(t.GetGenericTypeDefinition(), typeof(Nullable<>)) ? t.GetGenericArguments()[0] : null;

    /// <summary>The attribute of type <paramref name="attribute"/> on <paramref name="member"/> as metadata (constructor and named arguments), or null.</summary>
    public static CustomAttributeData? Attribute(MemberInfo member, Type attribute) =>
        member.GetCustomAttributesData().FirstOrDefault(a => Is(a.AttributeType, attribute));

    /// <summary>The constructor argument at <paramref name="index"/> of an attribute, as a plain value (a string, a number).</summary>
    public static object? Argument(CustomAttributeData? data, int index) =>
        data is not null && index < data.ConstructorArguments.Count ? data.ConstructorArguments[index].Value : null;

    /// <summary>The names of an enum's values, in declaration order.</summary>
    public static IReadOnlyList<string> EnumNames(Type enumType) =>
        IsLoaded(enumType)
            ? Enum.GetNames(enumType)
            : enumType.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).ToArray();
}
