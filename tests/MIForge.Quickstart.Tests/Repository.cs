using MIForge.Host.Plugins;

namespace MIForge.Quickstart.Tests;

/// <summary>The checkout these tests were built from: its root, its Release host, and copying folders out of it.</summary>
public static class Repository
{
    /// <summary>The repository root (the folder holding artifacts/plugins above the test binaries).</summary>
    public static readonly string Root = PluginFolders.FindRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);

    /// <summary>The Release MIForge.Host.dll that `make` builds, for tests that run the real process.</summary>
    public static string HostDll() => Path.Combine(Root, "artifacts", "bin", "MIForge.Host", "Release", "net10.0", "MIForge.Host.dll");

    /// <summary>Copies <paramref name="from"/> into <paramref name="to"/> recursively, leaving out bin/ and obj/ folders.</summary>
    public static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj"))) CopyTree(d, Path.Combine(to, Path.GetFileName(d)));
    }
}
