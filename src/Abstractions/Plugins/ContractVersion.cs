namespace MIForge.Abstractions;

/// <summary>The version of the plugin contracts. A plugin compiled against a different major
/// version, or a newer minor version, than the host's is refused at load time.</summary>
public static class ContractVersion
{
    /// <summary>Incremented on a breaking change to any contract in this assembly.</summary>
    public const int Major = 3;

    /// <summary>Incremented when members are added without breaking existing plugins.</summary>
    public const int Minor = 1;

    /// <summary>The contract version as a <see cref="Version"/>; equals this assembly's AssemblyVersion.</summary>
    public static Version Current { get; } = new(Major, Minor, 0, 0);

    /// <summary>True when a plugin built against <paramref name="built"/> can run on this host.</summary>
    public static bool Accepts(Version built) => built.Major == Major && built.Minor <= Minor;
}
