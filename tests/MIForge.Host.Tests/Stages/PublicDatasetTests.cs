using MIForge.Abstractions;
using MIForge.Host.Data;
using MIForge.Host.Manifests;
using MIForge.Host.Tests.Fakes;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Tests.Stages;

/// <summary>data.public: the public data from a second dataset (e.g. FFHQ beside CelebA) instead of public classes.</summary>
public sealed class PublicDatasetTests
{
    private static PluginRef<IDataset> Digits(int classes, int perClass, int size) =>
        new("fake-digits", JObject.FromObject(new { classes, perClass, size }));

    private static IDataset Create(PluginRef<IDataset> r) => new FakeDigits(r.Options!.ToObject<FakeDigitsOptions>()!);

    [Fact]
    public void The_public_data_are_the_second_datasets_train_part()
    {
        var spec = new DataSpec { Dataset = Digits(6, 6, 8), Split = new SplitSpec { Private = [0, 1, 2] }, Public = Digits(4, 5, 8) };
        using var data = new ExperimentData(spec, [], Create);
        data.LoadAll();
        Assert.Equal(20, data.Public.Images.shape[0]);
        Assert.Equal(4, data.Public.ClassCount);
        Assert.Equal(3 * 6, data.PrivateTrain.Images.shape[0]);
    }

    [Fact]
    public void A_public_dataset_of_another_image_shape_is_an_error_naming_both()
    {
        var spec = new DataSpec { Dataset = Digits(6, 6, 8), Split = new SplitSpec { Private = [0, 1, 2] }, Public = Digits(4, 5, 16) };
        using var data = new ExperimentData(spec, [], Create);
        var e = Assert.Throws<InvalidDataException>(data.LoadAll);
        Assert.Equal("data.public: dataset 'fake-digits' gives 1×16×16 images, but data.dataset 'fake-digits' gives 1×8×8; give both the same channels and size", e.Message);
    }

    [Fact]
    public void A_run_trains_its_prior_on_the_public_dataset()
    {
        using var w = new Workspace();
        var m = Workspace.Manifest();
        m["data"]!["split"]!["public"] = new JArray();
        m["data"]!["public"] = JObject.FromObject(new { name = "fake-digits", options = new { classes = 4, perClass = 5 } });
        var (code, _, error) = w.Cli("run", w.Write(m), "--out", w.Out);
        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(w.Out, "metrics.json")));
    }

    [Fact]
    public void Public_classes_and_a_public_dataset_together_are_refused()
    {
        using var w = new Workspace();
        var m = Workspace.Manifest();
        m["data"]!["public"] = "fake-digits";
        var file = w.Write(m);
        var (code, _, error) = w.Cli("validate", file);
        Assert.Equal(2, code);
        Assert.Contains($"{file}: data.public: ", error);
        Assert.Contains("either from data.split.public classes or from the data.public dataset", error);
    }
}
