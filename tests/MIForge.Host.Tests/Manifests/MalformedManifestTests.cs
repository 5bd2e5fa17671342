using MIForge.Host.Tests.Fakes;

namespace MIForge.Host.Tests.Manifests;

/// <summary>Every malformed manifest of <see cref="MalformedManifestTable"/>, through `miforge run` and
/// `miforge validate`: exit 2, an error naming the file and the JSON path, no stack trace, no run folder.</summary>
public sealed class MalformedManifestTests
{
    public static TheoryData<MalformedManifestTable.Case> Cases() => new(MalformedManifestTable.All());

    [Fact]
    public void The_table_has_at_least_100_distinct_cases()
    {
        var cases = MalformedManifestTable.All().ToArray();
        Assert.True(cases.Length >= 100, $"{cases.Length} cases");
        Assert.Equal(cases.Length, cases.Select(c => c.Name).Distinct().Count());
        Assert.Equal(cases.Length, cases.Select(c => Convert.ToBase64String(c.Bytes)).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_and_validate_refuse_it_naming_the_file_and_the_path(MalformedManifestTable.Case c)
    {
        using var w = new Workspace();
        var file = Path.Combine(w.Root, "manifest.json");
        File.WriteAllBytes(file, c.Bytes);
        foreach (var command in new[] { "run", "validate" })
        {
            var (code, output, error) = command == "run" ? w.Cli(command, file, "--out", w.Out) : w.Cli(command, file);
            Assert.True(code == 2, $"{c.Name}: {command} exit {code}\n{error}{output}");
            Assert.Contains(file, error);
            var line = error.Split('\n').FirstOrDefault(l => l.Contains(file + (c.Path.Length == 0 ? ":" : ": " + c.Path + ":"), StringComparison.Ordinal));
            Assert.True(line is not null, $"{c.Name}: no error at path '{c.Path}' in:\n{error}");
            Assert.DoesNotContain("   at ", error);
            Assert.DoesNotContain("Exception", error);
            Assert.False(Directory.Exists(w.Out), $"{c.Name}: {command} made the run folder");
        }
    }
}
