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
    private StageServices? dataServices;

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
        data = new Lazy<ExperimentData>(() =>
        {
            dataServices = ServicesFor("data", Run.Directory);
            return new ExperimentData(Manifest.Data, Manifest.Ood?.Sets ?? [], r => Create(r, dataServices));
        });
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

    /// <summary>The run's data; the runner loads it (the data stage) before the first stage that runs and needs it.</summary>
    public ExperimentData Data => data.Value;

    /// <summary>The manifest's device, resolved when a stage that runs first needs it (a CUDA request without CUDA is bad input).</summary>
    public Device Device => device.Value;

    /// <summary>The seed of a stage with this seed key (its id, or the id it seeds as).</summary>
    public long SeedOf(string seedKey) => StageSeed.Of(Manifest.Seed, seedKey);

    /// <summary>The services a stage's plugins get while the runner executes it; seeds nothing (the runner did).</summary>
    public StageServices ServicesFor(string stageId, StageContext stage)
    {
        var context = new RunContext(Run.Directory, stage.Directory, Loaded.Directory, Device, stage.Seed, stage.Generator, stage.Cancellation);
        var services = new StageServices(Services, context, new ConsoleProgress(stageId, Progress, Logs.CreateLogger("MIForge.Stage." + stageId)));
        services.Factory = new PluginFactory(Catalog, services, Loaded.File, services.Own);
        return services;
    }

    /// <summary>Services for creating plugins outside a stage's execution (planning, loading data), with
    /// the seed <paramref name="stageId"/> would have; torch's generators are left alone.</summary>
    public StageServices ServicesFor(string stageId, string directory)
    {
        var seed = SeedOf(stageId);
        var generator = new Generator((ulong)seed);
        var services = ServicesFor(stageId, new StageContext(directory, seed, generator, Cancellation));
        services.Own(generator);
        return services;
    }

    /// <summary>Creates a plugin with a stage's services.</summary>
    public T Create<T>(PluginRef<T> reference, StageServices services) where T : class => services.Factory!.Create(reference);

    /// <summary>"kind/name (from folder)" of a referenced plugin, for stage labels.</summary>
    public string Describe<T>(PluginRef<T> reference) where T : class =>
        Catalog.Find(PluginKind.Of(typeof(T))!, reference.Name) is { } d ? $"{d.Id} from {d.Source}" : reference.Name;

    public void Dispose()
    {
        if (data.IsValueCreated) data.Value.Dispose();
        dataServices?.Dispose();
    }
}
