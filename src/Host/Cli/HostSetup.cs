using MIForge.Host.Plugins;
using MIForge.Host.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MIForge.Host.Cli;

/// <summary>Builds the host's services and plugin catalog for one command.</summary>
public static class HostSetup
{
    /// <summary>The services of a command that computes with tensors (run, validate, submit, checkpoint import). It
    /// applies the process's oneDNN choice first, so the convolution check runs only for such commands; on a machine
    /// with no oneDNN instruction-set record it first probes for one (<see cref="OneDnnProbe"/>, once per machine).</summary>
    public static ServiceProvider Services(RunLog log, bool verbose)
    {
        MIForge.Numerics.Runtime.OneDnnKernels.Ensure(() => OneDnnProbe.Find(Console.Error));
        return new ServiceCollection()
            .AddLogging(b => b.ClearProviders().AddProvider(log).SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Information))
            .BuildServiceProvider();
    }

    /// <summary>Default plugin folders (the install's and <see cref="CliSettings.PluginPath"/>), then
    /// --plugins folders, then the settings' additions. With <paramref name="metadataOnly"/> (validate,
    /// describe, plugins) folders from outside the install are read from metadata only: none of their code runs.</summary>
    public static PluginCatalog Catalog(IEnumerable<string> extraFolders, CliSettings? settings = null, bool metadataOnly = false)
    {
        settings ??= new CliSettings();
        var catalog = new PluginCatalog(metadataOnly);
        if (settings.DefaultPlugins)
        {
            foreach (var folder in PluginFolders.Install()) catalog.AddInstallFolder(folder);
            foreach (var folder in PluginFolders.FromPath(settings.PluginPath)) catalog.AddFolder(folder);
        }
        foreach (var dir in extraFolders)
            foreach (var folder in PluginFolders.Expand(dir)) catalog.AddFolder(folder);
        settings.Configure?.Invoke(catalog);
        return catalog;
    }
}
