using MIForge.Host.Plugins;

namespace MIForge.Host.Tests.Plugins;

/// <summary>Built-in plugins come from the install's artifacts/plugins only, not from any ancestor that has one.</summary>
public sealed class InstallRootTests
{
    [Theory]
    [InlineData("/opt/mi/artifacts/bin/MIForge.Host/Release/net10.0/", "/opt/mi")]
    [InlineData("/opt/mi/artifacts/bin/MIForge.Host/Debug/net10.0", "/opt/mi")]
    [InlineData("/opt/mi/publish/", null)]
    [InlineData("/opt/artifacts/bin/net10.0/", null)]
    [InlineData("/home/u/artifacts/plugins/x/y/z/", null)]
    public void Only_a_build_layout_has_an_install_root(string baseDirectory, string? root) =>
        Assert.Equal(root, PluginFolders.InstallRoot(baseDirectory));

    [Fact]
    public void An_ancestor_with_artifacts_plugins_is_not_taken_for_the_install()
    {
        var top = Directory.CreateTempSubdirectory("miforge-ancestor-").FullName;
        try
        {
            var plugin = Path.Combine(top, "artifacts", "plugins", "Stray");
            Directory.CreateDirectory(plugin);
            File.WriteAllText(Path.Combine(plugin, "Stray.dll"), "not really");
            var host = Path.Combine(top, "somewhere", "tools", "miforge");
            Directory.CreateDirectory(host);
            Assert.Equal(top, PluginFolders.FindRoot(host));
            Assert.DoesNotContain(PluginFolders.Defaults(host, pluginPath: ""), f => f.StartsWith(top, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(top, recursive: true);
        }
    }

    [Theory]
    [InlineData("/a/b/c", "/a/b", true)]
    [InlineData("/a/b", "/a/b", true)]
    [InlineData("/a/bc", "/a/b", false)]
    [InlineData("/a/b/../x", "/a/b", false)]
    [InlineData("/x", "/a/b", false)]
    public void Within_compares_full_paths(string path, string folder, bool within) =>
        Assert.Equal(within, PluginFolders.IsWithin(path, folder));
}
