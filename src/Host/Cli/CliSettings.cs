using MIForge.Host.Plugins;

namespace MIForge.Host.Cli;

/// <summary>How the CLI is hosted: the real executable uses the defaults; tests add plugins
/// linked into the test assembly and skip the built-in folders.</summary>
public sealed record CliSettings
{
    /// <summary>Load artifacts/plugins/* and $MIFORGE_PLUGIN_PATH.</summary>
    public bool DefaultPlugins { get; init; } = true;

    /// <summary>Called after folders are loaded, to add more plugins.</summary>
    public Action<PluginCatalog>? Configure { get; init; }

    /// <summary>Cancels a command: the host lifetime's stop token (Ctrl-C, SIGTERM) under the Generic Host.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Extra plugin folders, path-separated (configuration key PLUGIN_PATH; null: $MIFORGE_PLUGIN_PATH).</summary>
    public string? PluginPath { get; init; }

    /// <summary>libtorch intra-op threads when the manifest sets none (configuration key THREADS; 0: libtorch's default).</summary>
    public int Threads { get; init; }

    /// <summary>The most points a sweep may expand to (configuration key MAX_SWEEP_POINTS).</summary>
    public long MaxSweepPoints { get; init; } = Manifests.Sweep.DefaultMaxPoints;
}
