using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using MIForge.Host.Plugins;
using Newtonsoft.Json;

namespace MIForge.Host.Options;

/// <summary>One settable property of an options class as the manifest sees it. Read from attribute
/// metadata only, so it is the same for a loaded options class and one read by <see cref="PluginMetadata"/>.</summary>
public sealed record OptionField(string JsonName, PropertyInfo Property, string? Description, RangeAttribute? Range, bool Required, bool Nullable)
{
    public Type Type => Property.PropertyType;

    private static readonly NullabilityInfoContext nullability = new();

    /// <summary>The field for a property, or null when it is not a bindable public get/set property.</summary>
    public static OptionField? For(PropertyInfo p)
    {
        if (p.GetMethod is not { IsPublic: true } || p.SetMethod is not { IsPublic: true } || p.GetIndexParameters().Length > 0) return null;
        if (MetadataTypes.Attribute(p, typeof(JsonIgnoreAttribute)) is not null) return null;
        var name = MetadataTypes.Argument(MetadataTypes.Attribute(p, typeof(JsonPropertyAttribute)), 0) as string ?? CamelCase(p.Name);
        bool nullable;
        lock (nullability)
            nullable = MetadataTypes.NullableOf(p.PropertyType) is not null
                || (!p.PropertyType.IsValueType && nullability.Create(p).WriteState == NullabilityState.Nullable);
        return new OptionField(name, p, MetadataTypes.Argument(MetadataTypes.Attribute(p, typeof(DescriptionAttribute)), 0) as string,
            RangeOf(MetadataTypes.Attribute(p, typeof(RangeAttribute))), MetadataTypes.Attribute(p, typeof(RequiredAttribute)) is not null, nullable);
    }

    /// <summary>A <see cref="RangeAttribute"/> rebuilt from its metadata (int or double bounds), so no code of the options' assembly runs.</summary>
    private static RangeAttribute? RangeOf(CustomAttributeData? data)
    {
        if (data is null) return null;
        var args = data.ConstructorArguments;
        RangeAttribute? range = args.Count == 2 ? (args[0].Value, args[1].Value) switch
        {
            (int min, int max) => new RangeAttribute(min, max),
            (double min, double max) => new RangeAttribute(min, max),
            _ => null,
        } : null;
        if (range is null) return null;
        foreach (var named in data.NamedArguments)
            if (typeof(RangeAttribute).GetProperty(named.MemberName) is { CanWrite: true } prop && named.TypedValue.Value is bool b)
                prop.SetValue(range, b);
        return range;
    }

    /// <summary>"LearningRate" → "learningRate".</summary>
    public static string CamelCase(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
