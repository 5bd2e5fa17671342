namespace MIForge.Host.Plugins;

/// <summary>Where plugin folders are looked for.</summary>
public static class PluginFolders
{
    /// <summary>Environment variable with extra plugin folders, separated by the path separator.</summary>
    public const string EnvironmentVariable = "MIFORGE_PLUGIN_PATH";

    /// <summary>The built-in plugin folders (<see cref="Install"/>), plus those in <paramref name="pluginPath"/> (<see cref="FromPath"/>).</summary>
    public static IReadOnlyList<string> Defaults(string? baseDirectory = null, string? pluginPath = null) =>
        [.. Install(baseDirectory), .. FromPath(pluginPath)];

    /// <summary>The install's own plugin folders, the host's code: each subfolder of the install's <c>artifacts/plugins/</c>
    /// (<see cref="InstallRoot"/>; no other ancestor of the host counts).</summary>
    public static IReadOnlyList<string> Install(string? baseDirectory = null) =>
        InstallRoot(baseDirectory ?? AppContext.BaseDirectory) is { } root
            ? Expand(Path.Combine(root, "artifacts", "plugins")).Where(HasAssemblies).ToArray()
            : [];

    /// <summary>The folders in <paramref name="pluginPath"/> (a path-separated list; by default <see cref="EnvironmentVariable"/>).</summary>
    public static IReadOnlyList<string> FromPath(string? pluginPath = null)
    {
        var result = new List<string>();
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

    /// <summary>The build root a binary folder belongs to: <c>ROOT</c> when <paramref name="baseDirectory"/> is
    /// <c>ROOT/artifacts/bin/PROJECT/CONFIGURATION/FRAMEWORK</c>, as every project here builds; null otherwise.</summary>
    public static string? InstallRoot(string baseDirectory)
    {
        var framework = new DirectoryInfo(Path.TrimEndingDirectorySeparator(Path.GetFullPath(baseDirectory)));
        var bin = framework.Parent?.Parent?.Parent;
        return bin is { Name: "bin", Parent: { Name: "artifacts", Parent: { } root } } ? root.FullName : null;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies under it (full paths, no link resolution).</summary>
    public static bool IsWithin(string path, string folder)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path));
        return relative == "." || !(relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }

    /// <summary>The path with every symbolic link in it resolved (each component, link chains included), as the
    /// file system will open it; parts that do not exist are kept as written.</summary>
    public static string RealPath(string path) => RealPath(path, 0);

    private static string RealPath(string path, int depth)
    {
        if (depth > 40) throw new IOException($"too many levels of symbolic links in {path}");
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            if (new FileInfo(current).LinkTarget is { } target)
                current = RealPath(Path.Combine(Path.GetDirectoryName(current)!, target), depth + 1);
        }
        return current;
    }

    /// <summary>The nearest ancestor of <paramref name="start"/> holding an <c>artifacts/plugins</c> folder (for tests and tools finding the repository).</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "artifacts", "plugins"))) return dir.FullName;
        return null;
    }
}
