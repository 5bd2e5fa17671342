using MIForge.Abstractions;
using MIForge.Host.Manifests;
using MIForge.Host.Options;
using MIForge.Host.Plugins;
using MIForge.Host.Tests.Fakes;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Tests.Manifests;

/// <summary>Options that count how often they are constructed, and keep a nested reference.</summary>
public sealed class CountedOptions
{
    private static int constructed;
    public static int Constructed => Volatile.Read(ref constructed);

    public CountedOptions() => Interlocked.Increment(ref constructed);

    public double Weight { get; set; } = 1;

    public PluginRef<IMetric>? Inner { get; set; }
}

[Plugin("counted", "counts its options objects")]
public sealed class CountedMetric(CountedOptions options) : IMetric
{
    public CountedOptions Options { get; } = options;
    public MetricInputs Requires => MetricInputs.None;
    public IReadOnlyDictionary<string, double> Compute(MetricContext context) => new Dictionary<string, double>();
}

/// <summary>A plugin's options are bound once, when the manifest is read: that object is what the plugin is
/// created with and what the resolved manifest is written from; nested references carry their own bound options.</summary>
public sealed class BoundOnceTests
{
    [Fact]
    public void The_loaders_options_object_is_the_one_the_plugin_gets_and_the_resolved_manifest_shows()
    {
        var catalog = TestPlugins.Catalog();
        catalog.Add(PluginDiscovery.Describe(typeof(CountedMetric), "tests"));
        var m = Workspace.Manifest();
        ((JArray)m["metrics"]!).Add(JObject.Parse("""{ "name": "counted", "options": { "weight": 0.25, "inner": { "name": "counted", "options": { "weight": 4 } } } }"""));

        var before = CountedOptions.Constructed;
        var point = new ManifestLoader(catalog).Load("/tmp/m.json", m.ToString()).Points.Single();
        Assert.Equal(2, CountedOptions.Constructed - before); // the reference and the one nested in it

        var reference = point.Model.Metrics[2];
        var bound = Assert.IsType<CountedOptions>(reference.BoundOptions);
        Assert.Equal(0.25, bound.Weight);
        var nested = Assert.IsType<CountedOptions>(bound.Inner!.BoundOptions);
        Assert.Equal(4, nested.Weight);
        Assert.Equal(4, (double)point.Resolved["metrics"]![2]!["options"]!["inner"]!["options"]!["weight"]!);

        var factory = new PluginFactory(catalog, new NoServices(), null);
        var metric = (CountedMetric)factory.Create(reference);
        Assert.Same(bound, metric.Options);
        Assert.Same(nested, ((CountedMetric)factory.Create(metric.Options.Inner!)).Options);
        Assert.Equal(0.25, (double)new OptionsWriter(catalog).WriteRef(reference)["options"]!["weight"]!);
        Assert.Equal(2, CountedOptions.Constructed - before); // nothing bound again

        // a reference made in code (no bound options) is bound when created
        Assert.Equal(3, ((CountedMetric)factory.Create(new PluginRef<IMetric>("counted", JObject.Parse("""{ "weight": 3 }""")))).Options.Weight);
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
