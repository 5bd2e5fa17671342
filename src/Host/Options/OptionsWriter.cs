using System.Collections;
using MIForge.Abstractions;
using MIForge.Host.Manifests;
using MIForge.Host.Plugins;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Options;

/// <summary>Writes bound options back to JSON with every default filled in, and plugin references
/// expanded to <c>{name, options}</c> with their own defaults. This is the "resolved" form that
/// run folders record and stage hashes are computed from.</summary>
public sealed class OptionsWriter(IPluginNames plugins)
{
    private readonly OptionsBinder binder = new(plugins);

    public JToken Write(object? value)
    {
        switch (value)
        {
            case null: return JValue.CreateNull();
            case JToken t: return t.DeepClone();
            case string or bool or int or long or double or float: return new JValue(value);
            case Enum e: return new JValue(JsonTypeNames.Kebab(e.ToString()));
        }
        var type = value.GetType();
        if (JsonTypeNames.PluginRefKind(type) is { } kind)
            return WriteRef(kind, (string)type.GetProperty("Name")!.GetValue(value)!, (JObject?)type.GetProperty("Options")!.GetValue(value), type.GetProperty("BoundOptions")!.GetValue(value));
        if (value is IEnumerable list) return new JArray(list.Cast<object?>().Select(Write));
        var obj = new JObject();
        foreach (var f in OptionsSchema.Of(type)) obj[f.JsonName] = Write(f.Property.GetValue(value));
        return obj;
    }

    /// <summary>The resolved form of one plugin reference: written from <paramref name="bound"/> (the options the manifest's
    /// reading bound) when given, else from <paramref name="options"/> bound with their defaults.</summary>
    public JObject WriteRef(PluginKind kind, string name, JObject? options, object? bound = null)
    {
        var d = plugins.Find(kind, name);
        var result = new JObject { ["name"] = d?.Name ?? name };
        if (d?.OptionsType is { } t)
            result["options"] = !d.CodeLoaded ? options?.DeepClone() ?? new JObject() // defaults of a plugin read from metadata are unknown
                : Write(bound is not null && t.IsInstanceOfType(bound) ? bound : binder.Bind(t, options, new ErrorList(null)));
        return result;
    }

    /// <summary>Resolved form of a reference known only by its generic type.</summary>
    public JObject WriteRef<TKind>(PluginRef<TKind> r) where TKind : class =>
        WriteRef(PluginKind.Of(typeof(TKind))!, r.Name, r.Options, r.BoundOptions);
}
