using MIForge.Host.Cli;

namespace MIForge.Quickstart.Tests;

/// <summary>With the real plugins, `validate` finds what used to fail only once training started: 28×28
/// MNIST into 32×32 models, and a class MNIST does not have.</summary>
public sealed class ShapeProbeTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("miforge-probe-").FullName;
    public void Dispose() => Directory.Delete(dir, recursive: true);

    private (int code, string error) Validate(string options, string classes)
    {
        var file = Path.Combine(dir, "m.json");
        File.WriteAllText(file, $$"""
        {
          "name": "probe",
          "data": { "dataset": { "name": "mnist", "options": {{options}} }, "split": { "private": {{classes}}, "public": [5, 6] } },
          "evaluator": { "model": "scnn", "training": { "epochs": 1 } },
          "targets": [ { "id": "t", "model": "mcnn", "training": { "epochs": 1 } } ]
        }
        """);
        var error = new StringWriter();
        var code = CommandLine.Run(["validate", file], new StringWriter(), error);
        return (code, error.ToString());
    }

    [Fact]
    public void Unpadded_mnist_is_refused_for_both_32_pixel_models_naming_each_and_the_shape()
    {
        var (code, error) = Validate("""{ "perClass": 4 }""", "[0, 1]");
        Assert.Equal(2, code);
        Assert.Contains("evaluator.model: model 'scnn' cannot take the data's 1×28×28 images", error);
        Assert.Contains("targets[0].model: model 'mcnn' cannot take the data's 1×28×28 images", error);
        Assert.Contains("\"pad\"", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Padded_mnist_passes_and_a_class_beyond_9_is_refused()
    {
        Assert.Equal(0, Validate("""{ "pad": 2, "perClass": 4 }""", "[0, 1]").code);
        var (code, error) = Validate("""{ "pad": 2, "perClass": 4 }""", "[0, 42]");
        Assert.Equal(2, code);
        Assert.Contains("data.split.private[1]: class 42 is not in dataset 'mnist', which has 10 classes (0..9)", error);
    }
}
