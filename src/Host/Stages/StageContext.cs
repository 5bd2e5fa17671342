using MIForge.Abstractions;
using MIForge.Host.Services;
using Microsoft.Extensions.Logging;
using TorchSharp;

namespace MIForge.Host.Stages;

/// <summary>What the runner hands a stage for one execution: where to write, the seed it derived and seeded
/// torch with, the stage's own generator, the run's cancellation, the stage's services (a scope that disposes
/// the plugins created through it when the stage ends) and its typed inputs.</summary>
public sealed class StageContext(string directory, long seed, torch.Generator generator, CancellationToken cancellation, StageServices services, StageInputs inputs)
{
    /// <summary>The folder the stage writes into (its "&lt;folder&gt;.partial" until it returns).</summary>
    public string Directory { get; } = directory;

    /// <summary>The stage's seed (manifest seed and seed key).</summary>
    public long Seed { get; } = seed;

    /// <summary>The stage's own generator, seeded with <see cref="Seed"/>.</summary>
    public torch.Generator Generator { get; } = generator;

    /// <summary>The run's cancellation.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>The services the stage's plugins are created with (run context, progress, plugin factory, host services).</summary>
    public StageServices Services { get; } = services;

    /// <summary>The results of the stages this one depends on, as typed artifacts.</summary>
    public StageInputs Inputs { get; } = inputs;

    /// <summary>The run's device.</summary>
    public torch.Device Device => Services.Run.Device;

    /// <summary>The stage's logger.</summary>
    public ILogger Logger => Services.Logger;

    /// <summary>Creates a plugin with the stage's services; an <see cref="IDisposable"/> one is disposed when the stage ends.</summary>
    public T Create<T>(PluginRef<T> reference) where T : class => Services.Factory!.Create(reference);
}
