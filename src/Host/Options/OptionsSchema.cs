using System.Collections.Concurrent;
using MIForge.Host.Plugins;

namespace MIForge.Host.Options;

/// <summary>The bindable fields of an options class, in declaration order (cached per type). Works on
/// loaded types and on types read from metadata only alike.</summary>
public static class OptionsSchema
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<OptionField>> cache = new();

    public static IReadOnlyList<OptionField> Of(Type optionsType) =>
        cache.GetOrAdd(optionsType, t => t.GetProperties()
            .OrderBy(p => p.MetadataToken)
            .Select(OptionField.For).OfType<OptionField>().ToArray());

    /// <summary>True for a class the binder fills from a JSON object (public parameterless constructor).</summary>
    public static bool IsOptionsClass(Type t) =>
        t.IsClass && !t.IsAbstract && !MetadataTypes.Is(t, typeof(string)) && !t.IsArray && !t.IsGenericType
        && t.GetConstructor(Type.EmptyTypes) is not null && !MetadataTypes.IsA(t, typeof(Newtonsoft.Json.Linq.JToken));
}
