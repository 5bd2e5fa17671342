using System.Security.Cryptography;
using System.Text;
using MIForge.Abstractions;
using MIForge.Host.Data;
using MIForge.Host.Manifests;
using MIForge.Host.Options;
using MIForge.Host.Plugins;
using MIForge.Host.Runs;
using MIForge.Host.Services;
using TorchSharp;
using Microsoft.Extensions.Logging;
using static TorchSharp.torch;

namespace MIForge.Host.Stages;

/// <summary>Everything the stages of one manifest point share: the manifest, the run folder,
/// the plugins, host services, the data (loaded on first use) and the device.</summary>
public sealed class Experiment : IDisposable
{
    private readonly Lazy<ExperimentData> data;
    private readonly Lazy<Device> device;

    public Experiment(LoadedManifest loaded, ManifestPoint point, RunFolder run, PluginCatalog catalog, IServiceProvider services, TextWriter progress, CancellationToken cancellation)
    {
        Loaded = loaded;
        Point = point;
        Run = run;
        Catalog = catalog;
        Services = services;
        Progress = progress;
        Cancellation = cancellation;
        Writer = new OptionsWriter(catalog);
        Logs = (ILoggerFactory)services.GetService(typeof(ILoggerFactory))!;
        data = new Lazy<ExperimentData>(() => new ExperimentData(Manifest.Data, r => Create(r, "data", Run.Directory)));
        device = new Lazy<Device>(() => RunDevice.Of(Manifest.Device, loaded.File));
    }

    public LoadedManifest Loaded { get; }
    public ManifestPoint Point { get; }
    public Manifest Manifest => Point.Model;
    public RunFolder Run { get; }
    public PluginCatalog Catalog { get; }
    public IServiceProvider Services { get; }
    public TextWriter Progress { get; }
    public CancellationToken Cancellation { get; }
    public OptionsWriter Writer { get; }
    public ILoggerFactory Logs { get; }

    /// <summary>The run's data; loading happens only when a stage that runs needs it.</summary>
    public ExperimentData Data => data.Value;

    /// <summary>The manifest's device, resolved when a stage that runs first needs it (a CUDA request without CUDA is bad input).</summary>
    public Device Device => device.Value;

    /// <summary>The seed of a stage: derived from the manifest seed and the stage id.</summary>
    public long SeedOf(string stageId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{Manifest.Seed}:{stageId}"));
        return BitConverter.ToInt64(bytes, 0) & long.MaxValue;
    }

    /// <summary>Seeds torch for a stage (from <paramref name="seedKey"/>, default its id) and returns the services its plugins get.</summary>
    public StageServices BeginStage(string stageId, string directory, string? seedKey = null)
    {
        var seed = SeedOf(seedKey ?? stageId);
        torch.manual_seed(seed);
        var context = new RunContext(Run.Directory, directory, Loaded.Directory, Device, seed, Cancellation);
        var services = new StageServices(Services, context, new ConsoleProgress(stageId, Progress, Logs.CreateLogger("MIForge.Stage." + stageId)));
        services.Factory = new PluginFactory(Catalog, services, Loaded.File);
        return services;
    }

    /// <summary>Creates a plugin for a stage (a fresh stage context when none is given).</summary>
    public T Create<T>(PluginRef<T> reference, string stageId, string directory, StageServices? services = null) where T : class =>
        (services ?? BeginStage(stageId, directory)).Factory!.Create(reference);

    /// <summary>"kind/name (from folder)" of a referenced plugin, for stage labels.</summary>
    public string Describe<T>(PluginRef<T> reference) where T : class =>
        Catalog.Find(PluginKind.Of(typeof(T))!, reference.Name) is { } d ? $"{d.Id} from {d.Source}" : reference.Name;

    public void Dispose()
    {
        if (data.IsValueCreated) data.Value.Dispose();
    }
}
