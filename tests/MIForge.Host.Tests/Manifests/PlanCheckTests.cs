using MIForge.Host.Tests.Fakes;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Tests.Manifests;

/// <summary>What used to fail only after training, or pass silently, is found by `validate` and by
/// `run` before anything is written.</summary>
public sealed class PlanCheckTests
{
    private static void Refused(Action<JObject> edit, string path, string expected)
    {
        using var w = new Workspace();
        var m = Workspace.Manifest();
        edit(m);
        var file = w.Write(m);
        foreach (var args in new[] { new[] { "validate", file }, new[] { "run", file, "--out", w.Out } })
        {
            var (code, _, error) = w.Cli(args);
            Assert.True(code == 2, $"{args[0]}: exit {code}\n{error}");
            Assert.Contains($"{file}: {path}: ", error);
            Assert.Contains(expected, error);
            Assert.False(Directory.Exists(w.Out), $"{args[0]} made the run folder");
        }
    }

    [Fact]
    public void An_empty_class_list_for_an_attack_is_refused() =>
        Refused(m => m["attacks"]![0]!["classes"] = new JArray(), "attacks[0].classes", "at least one");

    [Fact]
    public void A_prior_without_public_classes_is_refused() =>
        Refused(m => m["data"]!["split"]!["public"] = new JArray(), "data.split.public", "prior");

    [Fact]
    public void A_class_the_dataset_does_not_have_is_refused() =>
        Refused(m => m["data"]!["split"]!["private"] = new JArray(0, 1, 7), "data.split.private[2]", "has 6 classes");

    [Fact]
    public void A_metric_that_needs_an_evaluator_without_one_is_refused() =>
        Refused(m => m.Remove("evaluator"), "metrics[0]", "needs an evaluator");

    [Fact]
    public void A_metric_whose_inputs_the_manifest_lacks_is_a_warning()
    {
        using var w = new Workspace();
        var m = Workspace.Manifest();
        m.Remove("ood");
        var (code, output, error) = w.Cli("validate", w.Write(m));
        Assert.True(code == 0, error);
        Assert.Contains("warning", error);
        Assert.Contains("metrics[1]", error);
        Assert.Contains("OOD scores", error);
        Assert.Contains("valid", output);
    }
}
