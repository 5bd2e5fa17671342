using MIForge.Host.Cli;

namespace MIForge.Quickstart.Tests;

/// <summary>Options that break a rule across their fields (IValidatableOptions) are refused by `validate`,
/// each at its JSON path, nested plugin references included.</summary>
public sealed class CrossFieldRuleTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("miforge-rules-").FullName;
    public void Dispose() => Directory.Delete(dir, recursive: true);

    private (int code, string error) Validate(string ppdg, string auxiliary)
    {
        var file = Path.Combine(dir, "m.json");
        File.WriteAllText(file, $$"""
        {
          "name": "rules",
          "data": {
            "dataset": { "name": "mnist", "options": { "pad": 2, "perClass": 4 } },
            "split": { "private": [0, 1], "public": [5, 6] },
            "auxiliary": { "name": "natural-patches", "options": {{auxiliary}} }
          },
          "targets": [ { "id": "t", "model": "mcnn", "training": { "epochs": 1 } } ],
          "prior": "wgan-gp",
          "attacks": [ { "attack": { "name": "ppdg", "options": {{ppdg}} }, "perClass": 2 } ]
        }
        """);
        var error = new StringWriter();
        var code = CommandLine.Run(["validate", file], new StringWriter(), error);
        return (code, error.ToString());
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_its_json_path_and_valid_options_pass()
    {
        Assert.Equal(0, Validate("""{ "candidates": 20, "topK": 10 }""", """{ "size": 32, "minFraction": 0.2, "maxFraction": 0.4 }""").code);
        Assert.Equal(0, Validate("""{ "topK": 10 }""", "{}").code);

        var (code, error) = Validate("""{ "candidates": 5, "topK": 10 }""", """{ "size": 32, "minFraction": 0.6, "maxFraction": 0.4 }""");
        Assert.Equal(2, code);
        Assert.Contains("attacks[0].attack.options.topK: topK (10) exceeds candidates (5)", error);
        Assert.Contains("data.auxiliary.options.minFraction: minFraction 0.6 is larger than maxFraction 0.4", error);
        Assert.DoesNotContain("   at ", error);
    }
}
