using MIForge.Host.Tests.Fakes;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Tests.Cli;

/// <summary>Errors are printed once, at most 20 of them, and bad arguments are refused before anything is written.</summary>
public sealed class ErrorReportingTests
{
    private static int Count(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    [Fact]
    public void A_failing_stage_is_reported_once()
    {
        using var w = new Workspace();
        var m = Workspace.Manifest();
        m["attacks"]![0]!["attack"]!["options"]!["fail"] = true;
        var (code, _, error) = w.Cli("run", w.Write(m), "--out", w.Out);
        Assert.Equal(1, code);
        Assert.Equal(1, Count(error, "the fake attack was told to fail"));
    }

    [Fact]
    public void Many_errors_print_twenty_then_how_many_more()
    {
        using var w = new Workspace();
        var m = Workspace.Manifest();
        m["metrics"] = new JArray(Enumerable.Range(0, 25).Select(i => $"no-such-metric-{i}"));
        var (code, _, error) = w.Cli("validate", w.Write(m));
        Assert.Equal(2, code);
        Assert.Equal(21, error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("error: ", StringComparison.Ordinal)));
        Assert.Contains("error: and 5 more", error);
    }

    [Fact]
    public void An_out_that_is_a_file_is_bad_input_naming_out()
    {
        using var w = new Workspace();
        var file = Path.Combine(w.Root, "taken");
        File.WriteAllText(file, "not a folder");
        var (code, _, error) = w.Cli("run", w.Write(Workspace.Manifest()), "--out", file);
        Assert.Equal(2, code);
        Assert.Contains("--out", error);
        Assert.Contains($"{file} is a file", error);
    }

    [Fact]
    public void An_unknown_force_writes_nothing()
    {
        using var w = new Workspace();
        var (code, _, error) = w.Cli("run", w.Write(Workspace.Manifest()), "--out", w.Out, "--force", "bogus");
        Assert.Equal(2, code);
        Assert.Contains("--force: no stage or stage kind 'bogus'", error);
        Assert.False(Directory.Exists(w.Out));
    }
}
