namespace MIForge.Host.Plugins;

/// <summary>A plugin the host knows: its kind, name, implementing type, options type and where it came from.</summary>
public sealed record PluginDescriptor(
    PluginKind Kind,
    string Name,
    string Description,
    Type Type,
    Type? OptionsType,
    string Source)
{
    /// <summary>False for a plugin read from metadata only: it cannot be created, and its options are checked, not bound.</summary>
    public bool CodeLoaded => MetadataTypes.IsLoaded(Type);

    /// <summary>"kind/name", as <c>miforge describe</c> takes it.</summary>
    public string Id => $"{Kind.Name}/{Name}";

    public override string ToString() => $"{Id} (from {Source})";
}
