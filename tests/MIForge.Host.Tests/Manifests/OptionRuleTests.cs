using MIForge.Abstractions;
using MIForge.Host.Manifests;
using MIForge.Host.Options;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Tests.Manifests;

/// <summary>Options with a rule across fields: at most as many kept as drawn, and a window whose start is before its end.</summary>
public sealed class WindowOptions : IValidatableOptions
{
    public int Drawn { get; set; } = 10;
    public int Kept { get; set; } = 5;
    public double Start { get; set; }
    public double End { get; set; } = 1;

    public IEnumerable<OptionFailure> Validate()
    {
        if (Kept > Drawn) yield return new("kept", $"kept ({Kept}) exceeds drawn ({Drawn})");
        if (Start >= End) yield return new("start", $"start {Start} is not before end {End}");
    }
}

public sealed class OptionRuleTests
{
    private static IReadOnlyList<ManifestError> Bind(string json)
    {
        var errors = new ErrorList("m.json");
        var root = JObject.Parse($$"""{ "attack": { "options": {{json}} } }""");
        new OptionsBinder(null).Bind(typeof(WindowOptions), root["attack"]!["options"], errors, "attack.options");
        return errors.Errors;
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_the_path_of_its_key()
    {
        var errors = Bind("""{ "drawn": 3, "kept": 4, "start": 2 }""");
        Assert.Equal(["attack.options.kept: kept (4) exceeds drawn (3)", "attack.options.start: start 2 is not before end 1"], errors.Select(e => $"{e.Path}: {e.Message}"));
    }

    [Fact]
    public void A_rule_on_a_key_left_at_its_default_names_the_path_it_would_have()
    {
        var errors = Bind("""{ "drawn": 2 }""");
        Assert.Equal("attack.options.kept", Assert.Single(errors).Path);
    }

    [Fact]
    public void Rules_are_not_run_on_values_that_failed_to_bind_and_valid_options_pass()
    {
        Assert.Empty(Bind("""{ "drawn": 20, "kept": 20, "start": 0.5 }"""));
        var errors = Bind("""{ "drawn": "many", "kept": 40 }""");
        Assert.Equal("attack.options.drawn", Assert.Single(errors).Path);
    }
}
