using MIForge.Host.Plugins;
using MIForge.Host.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MIForge.Host.Cli;

/// <summary>Builds the host's services and plugin catalog for one command.</summary>
public static class HostSetup
{
    public static ServiceProvider Services(RunLog log, bool verbose) =>
        new ServiceCollection()
            .AddLogging(b => b.ClearProviders().AddProvider(log).SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Information))
            .BuildServiceProvider();

    /// <summary>Default plugin folders (the install's and <see cref="CliSettings.PluginPath"/>), then
    /// --plugins folders, then the settings' additions.</summary>
    public static PluginCatalog Catalog(IEnumerable<string> extraFolders, CliSettings? settings = null)
    {
        settings ??= new CliSettings();
        var catalog = new PluginCatalog();
        if (settings.DefaultPlugins) foreach (var folder in PluginFolders.Defaults(pluginPath: settings.PluginPath)) catalog.AddFolder(folder);
        foreach (var dir in extraFolders)
            foreach (var folder in PluginFolders.Expand(dir)) catalog.AddFolder(folder);
        settings.Configure?.Invoke(catalog);
        return catalog;
    }
}
