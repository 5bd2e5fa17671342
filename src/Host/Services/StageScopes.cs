using MIForge.Host.Manifests;
using MIForge.Host.Plugins;
using MIForge.Host.Stages;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Host.Services;

/// <summary>Opens the services of each stage of one run point: the stage's <see cref="RunContext"/>, progress
/// and plugin factory over the host's services. The device is resolved when first needed, so a CUDA request
/// without CUDA is reported by the first stage that runs.</summary>
public sealed class StageScopes(PluginCatalog catalog, IServiceProvider root, TextWriter progress, string runDirectory, string manifestFile, string device)
{
    private readonly Lazy<Device> resolved = new(() => RunDevice.Of(device, manifestFile));
    private readonly ILoggerFactory logs = (ILoggerFactory)root.GetService(typeof(ILoggerFactory))!;

    /// <summary>The manifest's device.</summary>
    public Device Device => resolved.Value;

    /// <summary>The services of stage <paramref name="stageId"/> writing into <paramref name="directory"/>; the caller
    /// disposes them when the stage ends (which disposes the plugins created through them).</summary>
    public StageServices Open(string stageId, string directory, long seed, Generator generator, CancellationToken cancellation)
    {
        var context = new RunContext(runDirectory, directory, Path.GetDirectoryName(manifestFile)!, Device, seed, generator, cancellation);
        var logger = logs.CreateLogger("MIForge.Stage." + stageId);
        var services = new StageServices(root, context, new ConsoleProgress(stageId, progress, logger), logger);
        services.Factory = new PluginFactory(catalog, services, manifestFile, services.Own);
        return services;
    }

    /// <summary>Services for creating plugins outside any stage's execution (plan checks), with a generator of
    /// their own seeded <paramref name="seed"/>; torch's global generator is left alone.</summary>
    public StageServices OpenOutside(string stageId, string directory, long seed)
    {
        var generator = new Generator(unchecked((ulong)seed));
        var services = Open(stageId, directory, seed, generator, CancellationToken.None);
        services.Own(generator);
        return services;
    }
}
