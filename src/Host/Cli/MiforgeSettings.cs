using Microsoft.Extensions.Configuration;

namespace MIForge.Host.Cli;

/// <summary>Settings read from configuration: appsettings.json beside the executable, then
/// <c>MIFORGE_*</c> environment variables (e.g. MIFORGE_THREADS=2, MIFORGE_PLUGIN_PATH=~/plugins).</summary>
public sealed class MiforgeSettings
{
    /// <summary>libtorch intra-op threads when a manifest sets none; 0 keeps libtorch's default.</summary>
    public int Threads { get; set; }

    /// <summary>Extra plugin folders, path-separated.</summary>
    [ConfigurationKeyName("PLUGIN_PATH")]
    public string? PluginPath { get; set; }

    /// <summary>The most points a manifest's sweep may expand to.</summary>
    [ConfigurationKeyName("MAX_SWEEP_POINTS")]
    public long MaxSweepPoints { get; set; } = Manifests.Sweep.DefaultMaxPoints;

    /// <summary>libtorch's oneDNN convolution kernels: auto (on where the convolution check passes), on or off.</summary>
    [ConfigurationKeyName("ONEDNN")]
    public string? OneDnn { get; set; }

    /// <summary>The highest instruction set oneDNN may use (default, sse41, avx2, avx512_core, ...); unset: this machine's record.</summary>
    [ConfigurationKeyName("ONEDNN_ISA")]
    public string? OneDnnIsa { get; set; }
}
