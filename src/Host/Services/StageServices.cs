using MIForge.Abstractions;
using Microsoft.Extensions.Logging;

namespace MIForge.Host.Services;

/// <summary>The services a plugin constructor can ask for while one stage runs: the stage's
/// run context, progress reporter and plugin factory, then everything the host registered. It owns
/// what was created for the stage (plugins that are <see cref="IDisposable"/>, the stage's generator)
/// and disposes it, newest first, when the stage ends.</summary>
public sealed class StageServices(IServiceProvider root, IRunContext context, IProgressReporter progress, ILogger logger) : IServiceProvider, IDisposable
{
    private readonly List<IDisposable> owned = [];

    /// <summary>Creates plugins with these services (set once, by whoever opens the scope).</summary>
    public IPluginFactory? Factory { get; set; }

    /// <summary>The stage's run context (folders, device, seed, generator, cancellation).</summary>
    public IRunContext Run => context;

    /// <summary>The stage's logger.</summary>
    public ILogger Logger => logger;

    public object? GetService(Type serviceType) =>
        serviceType == typeof(IRunContext) ? context
        : serviceType == typeof(IProgressReporter) ? progress
        : serviceType == typeof(IPluginFactory) ? Factory
        : serviceType == typeof(IServiceProvider) ? this
        : root.GetService(serviceType);

    /// <summary>Disposes <paramref name="resource"/> with these services.</summary>
    public void Own(IDisposable resource) => owned.Add(resource);

    public void Dispose()
    {
        for (var i = owned.Count - 1; i >= 0; i--) owned[i].Dispose();
        owned.Clear();
    }
}
