using MIForge.Abstractions;

namespace MIForge.Host.Services;

/// <summary>The services a plugin constructor can ask for while one stage runs: the stage's
/// run context, progress reporter and plugin factory, then everything the host registered. It owns
/// what was created for the stage (plugins that are <see cref="IDisposable"/>, the stage's generator)
/// and disposes it, newest first, when the stage ends.</summary>
public sealed class StageServices(IServiceProvider root, IRunContext context, IProgressReporter progress) : IServiceProvider, IDisposable
{
    private readonly List<IDisposable> owned = [];

    public IPluginFactory? Factory { get; set; }

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
