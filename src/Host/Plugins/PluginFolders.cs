namespace MIForge.Host.Plugins;

/// <summary>Where plugin folders are looked for.</summary>
public static class PluginFolders
{
    /// <summary>Environment variable with extra plugin folders, separated by the path separator.</summary>
    public const string EnvironmentVariable = "MIFORGE_PLUGIN_PATH";

    /// <summary>The built-in plugin folders: each subfolder of <c>artifacts/plugins/</c> found by
    /// walking up from the host's base directory, plus those in <paramref name="pluginPath"/>
    /// (a path-separated list; by default <see cref="EnvironmentVariable"/>).</summary>
    public static IReadOnlyList<string> Defaults(string? baseDirectory = null, string? pluginPath = null)
    {
        var result = new List<string>();
        if (FindRoot(baseDirectory ?? AppContext.BaseDirectory) is { } root)
            result.AddRange(Expand(Path.Combine(root, "artifacts", "plugins")).Where(HasAssemblies));
        var extra = pluginPath ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(extra))
            foreach (var dir in extra.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                result.AddRange(Expand(dir));
        return result;
    }

    /// <summary>A folder holding assemblies is one plugin folder; otherwise each of its subfolders
    /// holding assemblies is one. A missing folder is returned as is, so loading reports it.</summary>
    public static IEnumerable<string> Expand(string folder)
    {
        if (!Directory.Exists(folder)) return [folder];
        if (Directory.EnumerateFiles(folder, "*.dll").Any()) return [folder];
        var subs = Directory.GetDirectories(folder).Where(d => Directory.EnumerateFiles(d, "*.dll").Any()).Order(StringComparer.Ordinal).ToArray();
        return subs.Length > 0 ? subs : [folder];
    }

    private static bool HasAssemblies(string dir) => Directory.Exists(dir) && Directory.EnumerateFiles(dir, "*.dll").Any();

    /// <summary>The nearest ancestor of <paramref name="start"/> holding an <c>artifacts/plugins</c> folder.</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "artifacts", "plugins"))) return dir.FullName;
        return null;
    }
}
