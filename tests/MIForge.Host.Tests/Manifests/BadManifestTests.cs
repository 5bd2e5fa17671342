using MIForge.Host.Manifests;
using MIForge.Host.Tests.Fakes;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Tests.Manifests;

/// <summary>Each bad manifest yields an error naming the file, the JSON path and what was expected.</summary>
public sealed class BadManifestTests
{
    private const string File = "/tmp/bad/manifest.json";

    private static ManifestError Single(Action<JObject> edit, string? path = null)
    {
        var m = Workspace.Manifest();
        edit(m);
        var e = Assert.Throws<ManifestException>(() => new ManifestLoader(TestPlugins.Catalog()).Load(File, m.ToString()));
        var error = path is null ? e.Errors[0] : Assert.Single(e.Errors, x => x.Path == path);
        Assert.Equal(File, error.File);
        Assert.Contains(File, error.ToString());
        return error;
    }

    [Fact]
    public void UnknownRootKeySuggestsNearest()
    {
        var e = Single(m => m["seeed"] = 3, "seeed");
        Assert.Contains("unknown key 'seeed'", e.Message);
        Assert.Contains("did you mean 'seed'", e.Message);
    }

    [Fact]
    public void WrongTypeSaysWhatWasExpected()
    {
        var e = Single(m => m["seed"] = "seven", "seed");
        Assert.Contains("expected an integer, got string \"seven\"", e.Message);
    }

    [Fact]
    public void UnknownPluginNameSuggestsNearest()
    {
        var e = Single(m => m["data"]!["dataset"]!["name"] = "fake-digit", "data.dataset.name");
        Assert.Contains("unknown dataset plugin 'fake-digit'", e.Message);
        Assert.Contains("did you mean 'fake-digits'", e.Message);
    }

    [Fact]
    public void OutOfRangeOptionNamesTheRange()
    {
        var e = Single(m => m["data"]!["dataset"]!["options"]!["classes"] = 1000, "data.dataset.options.classes");
        Assert.Contains("between 2 and 100, got 1000", e.Message);
    }

    [Fact]
    public void UnknownPluginOptionSuggestsNearest()
    {
        var e = Single(m => m["attacks"]![0]!["attack"]!["options"]!["lamda"] = 3, "attacks[0].attack.options.lamda");
        Assert.Contains("did you mean 'lambda'", e.Message);
    }

    [Fact]
    public void BadEnumListsAllowedValues()
    {
        var e = Single(m => m["attacks"]![0]!["access"] = "grey-box", "attacks[0].access");
        Assert.Contains("\"label-only\", \"black-box\", \"white-box\"", e.Message);
    }

    [Fact]
    public void MissingRequiredSection()
    {
        var e = Single(m => m.Remove("data"), "");
        Assert.Contains("missing required key 'data'", e.Message);
    }

    [Fact]
    public void InvalidJsonIsReported()
    {
        var e = Assert.Throws<ManifestException>(() => new ManifestLoader(TestPlugins.Catalog()).Load(File, "{ \"name\": \"x\", }}"));
        Assert.Contains("invalid JSON", e.Errors[0].Message);
        Assert.Equal(File, e.Errors[0].File);
    }

    [Fact]
    public void NestedPluginReferenceIsChecked()
    {
        var e = Single(m => m["targets"]![0]!["defense"]!["options"]!["measure"] = "fake-dependence", "targets[0].defense.options.measure");
        Assert.Contains("unknown dependency plugin 'fake-dependence'", e.Message);
        Assert.Contains("fake-dependency", e.Message);
    }

    [Fact]
    public void NestedPluginOptionsAreChecked()
    {
        var e = Single(m => m["targets"]![0]!["defense"]!["options"]!["measure"] = JObject.Parse("""{ "name": "fake-dependency", "options": { "scale": -1 } }"""),
            "targets[0].defense.options.measure.options.scale");
        Assert.Contains("between 0.001 and 100", e.Message);
    }

    [Fact]
    public void DuplicateTargetIds()
    {
        var e = Single(m => ((JArray)m["targets"]!).Add(m["targets"]![0]!.DeepClone()), "targets[1]");
        Assert.Contains("id 'fake-linear-fake-defense' is used twice", e.Message);
    }

    [Fact]
    public void AttackNamesUnknownTarget()
    {
        var e = Single(m => m["attacks"]![0]!["targets"] = new JArray("fake-linear"), "attacks[0].targets[0]");
        Assert.Contains("unknown target id 'fake-linear'", e.Message);
        Assert.Contains("did you mean 'fake-linear-fake-defense'", e.Message);
    }

    [Fact]
    public void AttackSeedAsNamesUnknownAttack()
    {
        var e = Single(m => m["attacks"]![0]!["seedAs"] = "fake-atack", "attacks[0].seedAs");
        Assert.Contains("unknown attack id 'fake-atack'", e.Message);
        Assert.Contains("did you mean 'fake-attack'", e.Message);
    }

    [Fact]
    public void OverlappingSplit()
    {
        var e = Single(m => m["data"]!["split"]!["public"] = new JArray(2, 3), "data.split.public[0]");
        Assert.Contains("class 2 is also private", e.Message);
    }

    [Fact]
    public void ListExpected()
    {
        var e = Single(m => m["metrics"] = "fake-attack-acc", "metrics");
        Assert.Contains("expected list of metric plugin", e.Message);
    }

    [Fact]
    public void BadDevice()
    {
        var e = Single(m => m["device"] = "gpu", "device");
        Assert.Contains("expected \"cpu\", \"cuda\", \"cuda:N\" or \"auto\"", e.Message);
    }

    [Fact]
    public void SweepPathMustExist()
    {
        var e = Single(m => m["sweep"] = JObject.Parse("""{ "attacks[3].attack.options.lambda": [1, 2] }"""));
        Assert.StartsWith("sweep", e.Path);
        Assert.Contains("does not lead to a value", e.Message);
    }

    [Fact]
    public void AttackClassOutsidePrivateLabels()
    {
        var e = Single(m => m["attacks"]![0]!["classes"] = new JArray(0, 5), "attacks[0].classes[1]");
        Assert.Contains("between 0 and 2", e.Message);
    }

    [Fact]
    public void AllErrorsAreReportedAtOnce()
    {
        var m = Workspace.Manifest();
        m["seed"] = "x";
        m["device"] = 3;
        var e = Assert.Throws<ManifestException>(() => new ManifestLoader(TestPlugins.Catalog()).Load(File, m.ToString()));
        Assert.Equal(["device", "seed"], e.Errors.Select(x => x.Path).Order());
    }

    [Fact]
    public void OodWithoutSetsAsksForOne()
    {
        var e = Single(m => m["ood"]!["sets"] = new JArray(), "ood.sets");
        Assert.Contains("expected at least one OOD test set", e.Message);
    }

    [Fact]
    public void DuplicateOodSetNamesAreRefused()
    {
        var e = Single(m => ((JArray)m["ood"]!["sets"]!).Add(m["ood"]!["sets"]![0]!.DeepClone()), "ood.sets[1].id");
        Assert.Contains("duplicate OOD set name 'fake-digits'", e.Message);
    }
}
