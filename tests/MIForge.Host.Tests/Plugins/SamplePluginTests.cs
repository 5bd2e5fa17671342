using System.Diagnostics;
using System.Runtime.Loader;
using MIForge.Abstractions;
using MIForge.Host.Plugins;
using MIForge.Host.Runs;
using MIForge.Host.Tests.Fakes;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Tests.Plugins;

/// <summary>Builds tests/SamplePlugin (not in the solution) once, into its own folder.</summary>
public sealed class SamplePluginBuild
{
    public SamplePluginBuild()
    {
        Source = Path.Combine(PluginFolders.FindRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repository root not found"), "tests", "SamplePlugin");
        Folder = Path.Combine(Path.GetTempPath(), "miforge-sample-plugin", Guid.NewGuid().ToString("N")[..8], "Sample");
        Build(Source, Folder);
    }

    /// <summary>tests/SamplePlugin.</summary>
    public string Source { get; }

    /// <summary>The plugin folder it was built into.</summary>
    public string Folder { get; }

    /// <summary>Builds the plugin project <paramref name="project"/> in <paramref name="projectFolder"/> into <paramref name="output"/>.</summary>
    public static void Build(string projectFolder, string output, string project = "SamplePlugin.csproj")
    {
        var start = new ProcessStartInfo("dotnet", ["build", Path.Combine(projectFolder, project),
            "-o", output, "-p:MIForgeBin=" + AppContext.BaseDirectory, "-nologo", "-v:q"])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(start)!;
        var text = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("building the sample plugin failed:\n" + text);
    }
}

public sealed class SamplePluginTests(SamplePluginBuild sample) : IClassFixture<SamplePluginBuild>
{
    [Fact]
    public void SharedAssembliesAreNotCopiedIntoThePluginFolder()
    {
        Assert.True(File.Exists(Path.Combine(sample.Folder, "Sample.Brightness.dll")));
        Assert.False(File.Exists(Path.Combine(sample.Folder, "MIForge.Abstractions.dll")));
        Assert.False(File.Exists(Path.Combine(sample.Folder, "TorchSharp.dll")));
        Assert.Empty(Directory.GetFiles(sample.Folder, "*.so", SearchOption.AllDirectories));
    }

    [Fact]
    public void ContractTypesAreIdenticalAcrossLoadContexts()
    {
        // Even stray private copies of the contracts and of TorchSharp in the folder must not be used.
        var folder = Path.Combine(Path.GetDirectoryName(sample.Folder)!, "WithCopy");
        Directory.CreateDirectory(folder);
        foreach (var f in Directory.GetFiles(sample.Folder)) File.Copy(f, Path.Combine(folder, Path.GetFileName(f)), true);
        File.Copy(typeof(IMetric).Assembly.Location, Path.Combine(folder, "MIForge.Abstractions.dll"), true);
        File.Copy(typeof(TorchSharp.torch).Assembly.Location, Path.Combine(folder, "TorchSharp.dll"), true);

        var catalog = new PluginCatalog();
        catalog.AddFolder(folder);
        var d = Assert.Single(catalog.All);
        Assert.Equal(PluginKind.Metric, d.Kind);
        var context = AssemblyLoadContext.GetLoadContext(d.Type.Assembly)!;
        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.Equal("McMaster.NETCore.Plugins.Loader", context.GetType().Namespace);
        Assert.Same(typeof(TorchSharp.torch).Assembly, context.LoadFromAssemblyName(new System.Reflection.AssemblyName("TorchSharp")));
        Assert.Contains(typeof(IMetric), d.Type.GetInterfaces());
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(d.Type.GetInterfaces().Single().Assembly));
        var instance = new PluginFactory(catalog, new NoServices(), null).Create(new PluginRef<IMetric>("sample-brightness"));
        Assert.IsAssignableFrom<IMetric>(instance);
    }

    [Fact]
    public void ManifestUsesThePluginFromItsOwnFolderThroughTheCli()
    {
        using var w = new Workspace();
        var m = Workspace.Manifest();
        m["plugins"] = new JArray(Path.GetRelativePath(w.Root, sample.Folder));
        ((JArray)m["metrics"]!).Add(JObject.Parse("""{ "name": "sample-brightness", "options": { "threshold": 0.25 } }"""));
        var path = w.Write(m);

        // the folder lies outside the manifest's folder tree: code from it needs --trust-plugins
        var (refused, _, why) = w.Cli("validate", path);
        Assert.Equal(2, refused);
        Assert.Contains($"{path}: plugins[0]: plugin folder '{sample.Folder}' is outside the manifest's folder", why);
        Assert.Contains("--trust-plugins", why);
        Assert.Equal(2, w.Cli("run", path, "--out", w.Out).code);
        Assert.False(Directory.Exists(w.Out));
        Assert.Equal(0, w.Cli("validate", path, "--trust-plugins", Path.GetDirectoryName(sample.Folder)!).code);

        var (list, listOut, _) = w.Cli("plugins", "metric", "--plugins", sample.Folder);
        Assert.Equal(0, list);
        Assert.Contains("sample-brightness", listOut);
        Assert.Contains(sample.Folder, listOut);

        var (code, _, error) = w.Cli("run", path, "--out", w.Out, "--trust-plugins", sample.Folder);
        Assert.True(code == 0, error);
        var rows = MetricsFile.Read(Path.Combine(w.Out, "metrics.json"));
        var bright = Assert.Single(rows, r => r.Metric == "sample-brightness" && r.Name == "bright_share");
        Assert.InRange(bright.Value, 0, 1);

        m["metrics"]![2]!["options"]!["threshold"] = 2;
        var (bad, _, badError) = w.Cli("validate", w.Write(m), "--trust-plugins", sample.Folder);
        Assert.Equal(2, bad);
        Assert.Contains("metrics[2].options.threshold: expected number between 0 and 1, got 2", badError);
    }

    [Fact]
    public void A_plugin_folder_inside_the_manifests_folder_needs_no_trust_and_an_absolute_one_outside_does()
    {
        using var w = new Workspace();
        var inside = Path.Combine(w.Root, "plugins", "Sample");
        Directory.CreateDirectory(inside);
        foreach (var f in Directory.GetFiles(sample.Folder)) File.Copy(f, Path.Combine(inside, Path.GetFileName(f)));
        var m = Workspace.Manifest();
        ((JArray)m["metrics"]!).Add("sample-brightness");
        m["plugins"] = new JArray("plugins/Sample");
        var (code, _, error) = w.Cli("validate", w.Write(m));
        Assert.True(code == 0, error);
        m["plugins"] = new JArray(sample.Folder);
        (code, _, error) = w.Cli("validate", w.Write(m));
        Assert.Equal(2, code);
        Assert.Contains("plugins[0]: plugin folder", error);
        Assert.Contains("--trust-plugins", error);
    }

    [Fact]
    public void ChangedPluginCodeRerunsTheStagesThatNameItAndARebuildAloneDoesNot()
    {
        using var w = new Workspace();
        var m = Workspace.Manifest();
        ((JArray)m["metrics"]!).Add("sample-brightness");
        void Run(string folder)
        {
            m["plugins"] = new JArray(folder);
            var (code, _, error) = w.Cli("run", w.Write(m), "--out", w.Out, "--trust-plugins", Path.GetDirectoryName(sample.Folder)!);
            Assert.True(code == 0, error);
        }
        Run(sample.Folder);

        // The same source built again elsewhere: same code, every stage cached.
        var rebuilt = Path.Combine(Path.GetDirectoryName(sample.Folder)!, "Rebuilt");
        SamplePluginBuild.Build(sample.Source, rebuilt);
        Run(rebuilt);
        Assert.All(w.Statuses().Where(s => s.Key != "report" && s.Key != "data"), s => Assert.Equal("cached", s.Value));

        // An edited copy: only the stages whose configuration names the plugin run again: the
        // metrics stages and the OOD stage (it lists the metrics it computes on OOD scores).
        var edited = Path.Combine(Path.GetDirectoryName(sample.Folder)!, "EditedSource");
        Directory.CreateDirectory(edited);
        foreach (var f in new[] { "SamplePlugin.csproj", "Brightness.cs" }) File.Copy(Path.Combine(sample.Source, f), Path.Combine(edited, f));
        var code = Path.Combine(edited, "Brightness.cs");
        File.WriteAllText(code, File.ReadAllText(code).Replace("(third-party sample)", "(third-party sample, edited)"));
        File.WriteAllText(Path.Combine(edited, "Directory.Build.props"), "<Project />");
        SamplePluginBuild.Build(edited, Path.Combine(Path.GetDirectoryName(sample.Folder)!, "Edited"));
        Run(Path.Combine(Path.GetDirectoryName(sample.Folder)!, "Edited"));
        var statuses = w.Statuses();
        Assert.Contains(statuses, s => s.Key.StartsWith("metrics.", StringComparison.Ordinal));
        Assert.All(statuses, s => Assert.Equal(
            s.Key.StartsWith("metrics.", StringComparison.Ordinal) || s.Key.StartsWith("ood.", StringComparison.Ordinal) || s.Key == "report" ? "ran" : s.Key == "data" ? "ondemand" : "cached", s.Value));
    }

    [Fact]
    public void CodeIdentityCountsTheHostAndNestedNamesAndDependsOnlyOnTheAssembliesNamed()
    {
        var catalog = new PluginCatalog();
        TestPlugins.Add(catalog);
        catalog.AddFolder(sample.Folder);
        string Of(string json) => CodeIdentity.Of(catalog, JObject.Parse(json));

        var fake = Of("""{ "attack": { "name": "fake-attack" } }""");
        Assert.Matches("^[0-9a-f]{64}$", fake);
        // a configuration naming no plugin still has the host's code
        var hostOnly = Of("{}");
        Assert.Matches("^[0-9a-f]{64}$", hostOnly);
        Assert.NotEqual(hostOnly, fake);
        Assert.Equal(hostOnly, Of("""{ "epochs": 3, "schedule": { "name": "no-such-plugin" } }"""));
        Assert.Equal(fake, Of("""{ "metrics": [ { "name": "FAKE-MSP" } ] }"""));
        var sampleCode = Of("""{ "metrics": [ { "name": "sample-brightness" } ] }""");
        Assert.NotEqual(fake, sampleCode);
        var both = Of("""{ "a": { "name": "fake-attack" }, "b": { "name": "sample-brightness" } }""");
        Assert.NotEqual(sampleCode, both);
        Assert.Equal(both, Of("""{ "attack": { "name": "x", "options": { "inner": { "name": "sample-brightness" }, "more": [ { "name": "fake-msp" } ] } } }"""));
    }

    [Fact]
    public void AssembliesDoNotCarryTheGitCommitSoACommitAloneKeepsCaches()
    {
        // The module version id that CodeIdentity hashes changes with any byte of the assembly,
        // the informational version included; the SDK would put the commit there by default.
        foreach (var assembly in new[] { typeof(CodeIdentity).Assembly, typeof(MIForge.Abstractions.IAttack).Assembly, typeof(MIForge.Numerics.ChunkedForward).Assembly })
        {
            var version = assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
                .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
            Assert.DoesNotContain("+", version);
        }
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
