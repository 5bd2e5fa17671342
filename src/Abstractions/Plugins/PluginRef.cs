using Newtonsoft.Json.Linq;

namespace MIForge.Abstractions;

/// <summary>An options property naming another plugin of kind <typeparamref name="TKind"/>,
/// e.g. the dependency measure a defense uses. In a manifest it is written either as
/// <c>"hsic"</c> or as <c>{ "name": "hsic", "options": { ... } }</c>; the host checks the name
/// and the nested options when it validates the manifest.</summary>
public sealed class PluginRef<TKind> where TKind : class
{
    /// <summary>Creates a reference to the plugin <paramref name="name"/> with optional raw options.</summary>
    [Newtonsoft.Json.JsonConstructor]
    public PluginRef(string name, JObject? options = null)
    {
        Name = name;
        Options = options;
    }

    /// <summary>Creates a reference whose options the host has already bound from <paramref name="options"/>.</summary>
    public PluginRef(string name, JObject? options, object? boundOptions)
        : this(name, options) => BoundOptions = boundOptions;

    /// <summary>The referenced plugin's name within kind <typeparamref name="TKind"/>.</summary>
    public string Name { get; }

    /// <summary>The referenced plugin's options as written; null means its defaults.</summary>
    public JObject? Options { get; }

    /// <summary>The options object the host bound from <see cref="Options"/> when it read the manifest: the one the
    /// plugin is created with and the resolved manifest is written from. Null for references made in code (bound when created).</summary>
    public object? BoundOptions { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
