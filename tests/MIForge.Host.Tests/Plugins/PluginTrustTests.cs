using MIForge.Host.Plugins;
using MIForge.Host.Tests.Fakes;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Tests.Plugins;

/// <summary>Builds tests/InitializerPlugin (not in the solution), whose module initializer leaves a file beside it.</summary>
public sealed class InitializerPluginBuild
{
    public const string MarkerFile = "module-initializer-ran.txt";

    public InitializerPluginBuild()
    {
        var source = Path.Combine(PluginFolders.FindRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repository root not found"), "tests", "InitializerPlugin");
        Folder = Path.Combine(Path.GetTempPath(), "miforge-initializer-plugin", Guid.NewGuid().ToString("N")[..8], "Init");
        SamplePluginBuild.Build(source, Folder, "InitializerPlugin.csproj");
    }

    /// <summary>The plugin folder it was built into (never loaded by the tests themselves).</summary>
    public string Folder { get; }

    /// <summary>A fresh copy of the plugin folder at <paramref name="destination"/>, without a marker.</summary>
    public string CopyTo(string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var f in Directory.GetFiles(Folder).Where(f => Path.GetFileName(f) != MarkerFile))
            File.Copy(f, Path.Combine(destination, Path.GetFileName(f)), true);
        return destination;
    }
}

/// <summary>`validate`, `describe` and `plugins` run no code from outside the install; `run` does, and probes it
/// before it writes anything. Plugin folders are judged with symbolic links resolved.</summary>
public sealed class PluginTrustTests(InitializerPluginBuild plugin) : IClassFixture<InitializerPluginBuild>
{
    private static JObject WithMarkerMetric(JObject options)
    {
        var m = Workspace.Manifest();
        m["plugins"] = new JArray("plugins/Init");
        ((JArray)m["metrics"]!).Add(new JObject { ["name"] = "init-marker", ["options"] = options });
        return m;
    }

    [Fact]
    public void Validate_describe_and_plugins_leave_no_marker_and_run_leaves_one()
    {
        using var w = new Workspace();
        var folder = plugin.CopyTo(Path.Combine(w.Root, "plugins", "Init"));
        var marker = Path.Combine(folder, InitializerPluginBuild.MarkerFile);
        var path = w.Write(WithMarkerMetric(JObject.Parse("""{ "threshold": 0.25, "mode": "strict-count", "classes": [1, 2], "cap": 3, "inner": "fake-attack-acc", "label": "x" }""")));

        var (code, output, error) = w.Cli("validate", path);
        Assert.True(code == 0, error);
        Assert.Contains("note: metric/init-marker from outside the install was checked from metadata only", output);

        (code, output, error) = w.Cli("describe", "metric/init-marker", "--plugins", folder);
        Assert.True(code == 0, error);
        Assert.Contains("threshold: number, range [0, 1]", output);
        Assert.Contains("A share between 0 and 1.", output);
        Assert.Contains("mode: one of \"plain\", \"strict-count\"", output);
        Assert.Contains("classes: list of integer", output);
        Assert.Contains("inner: metric plugin", output);
        Assert.Contains("label: string, required", output);
        Assert.Contains($"contract: {MIForge.Abstractions.ContractVersion.Major}.{MIForge.Abstractions.ContractVersion.Minor}", output);

        (code, output, error) = w.Cli("plugins", "--plugins", folder);
        Assert.True(code == 0, error);
        Assert.Contains("picky-model", output);
        Assert.False(File.Exists(marker), "validate, describe or plugins ran the plugin's code");

        (code, _, error) = w.Cli("run", path, "--out", w.Out);
        Assert.True(code == 0, error);
        Assert.True(File.Exists(marker), "run did not run the plugin's code, so the test above proves nothing");
    }

    [Fact]
    public void Options_of_a_plugin_read_from_metadata_are_checked_with_paths_and_suggestions()
    {
        using var w = new Workspace();
        var folder = plugin.CopyTo(Path.Combine(w.Root, "plugins", "Init"));
        var path = w.Write(WithMarkerMetric(JObject.Parse("""{ "treshold": 0.2, "mode": "strict", "classes": ["a"], "cap": 0, "inner": "no-such-metric" }""")));
        var (code, _, error) = w.Cli("validate", path);
        Assert.Equal(2, code);
        Assert.Contains($"{path}: metrics[2].options.treshold: unknown key 'treshold'; did you mean 'threshold'?", error);
        Assert.Contains("metrics[2].options.mode: expected one of \"plain\", \"strict-count\", got \"strict\"", error);
        Assert.Contains("metrics[2].options.classes[0]: expected an integer, got string \"a\"", error);
        Assert.Contains("metrics[2].options.cap: expected integer between 1 and 100, got 0", error);
        Assert.Contains("metrics[2].options.inner: unknown metric plugin 'no-such-metric'", error);
        Assert.Contains("metrics[2].options: missing required key 'label'", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(File.Exists(Path.Combine(folder, InitializerPluginBuild.MarkerFile)));
    }

    [Fact]
    public void A_model_from_outside_the_install_is_probed_by_run_before_anything_is_written()
    {
        using var w = new Workspace();
        var folder = plugin.CopyTo(Path.Combine(w.Root, "plugins", "Init"));
        var m = Workspace.Manifest();
        m["plugins"] = new JArray("plugins/Init");
        m["targets"]![0]!["model"] = "picky-model";
        var path = w.Write(m);

        var (code, output, error) = w.Cli("validate", path);
        Assert.True(code == 0, error);
        Assert.Contains("model/picky-model", output);
        Assert.False(File.Exists(Path.Combine(folder, InitializerPluginBuild.MarkerFile)));

        (code, _, error) = w.Cli("run", path, "--out", w.Out);
        Assert.Equal(2, code);
        Assert.Contains($"{path}: targets[0].model: model 'picky-model' cannot take the data's", error);
        Assert.False(Directory.Exists(w.Out));
    }

    [Fact]
    public void A_symbolic_link_inside_the_manifests_folder_to_a_folder_outside_is_outside()
    {
        using var w = new Workspace();
        using var elsewhere = new Workspace();
        var outside = plugin.CopyTo(Path.Combine(elsewhere.Root, "Init"));
        Directory.CreateDirectory(Path.Combine(w.Root, "plugins"));
        Directory.CreateSymbolicLink(Path.Combine(w.Root, "plugins", "Init"), outside);
        var path = w.Write(WithMarkerMetric(JObject.Parse("""{ "label": "x" }""")));

        var (code, _, error) = w.Cli("validate", path);
        Assert.Equal(2, code);
        Assert.Contains($"plugins[0]: plugin folder '{Path.Combine(w.Root, "plugins", "Init")}' (a symbolic link to '{outside}') is outside the manifest's folder", error);
        (code, _, error) = w.Cli("validate", path, "--trust-plugins", outside);
        Assert.True(code == 0, error);

        // a real folder inside whose assembly is a link to one outside
        Directory.Delete(Path.Combine(w.Root, "plugins", "Init"));
        var inside = Path.Combine(w.Root, "plugins", "Init");
        Directory.CreateDirectory(inside);
        File.CreateSymbolicLink(Path.Combine(inside, "Sample.Initializer.dll"), Path.Combine(outside, "Sample.Initializer.dll"));
        (code, _, error) = w.Cli("validate", path);
        Assert.Equal(2, code);
        Assert.Contains($"'{Path.Combine(inside, "Sample.Initializer.dll")}' in plugin folder '{inside}' is a symbolic link to '{Path.Combine(outside, "Sample.Initializer.dll")}', outside the manifest's folder", error);
        Assert.False(File.Exists(Path.Combine(outside, InitializerPluginBuild.MarkerFile)));
    }
}
