using MIForge.Host.Tests.Fakes;
using MIForge.Host.Training;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Tests.Runs;

/// <summary>Cached stage files are verified against the sizes and SHA-256 their stage.json records.</summary>
public sealed class IntegrityTests
{
    private const string Target = "target.fake-linear-fake-defense";

    private static (Workspace w, string manifest) Finished()
    {
        var w = new Workspace();
        var path = w.Write(Workspace.Manifest());
        Assert.Equal(0, w.Cli("run", path, "--out", w.Out).code);
        return (w, path);
    }

    [Fact]
    public void Stage_records_list_each_file_with_its_size_and_sha256()
    {
        var (w, _) = Finished();
        using var _w = w;
        var record = JObject.Parse(File.ReadAllText(Path.Combine(w.StageDirectory(Target), "stage.json")));
        var file = (JObject)record["files"]![ClassifierCheckpoint.FileName]!;
        Assert.Equal(new FileInfo(Path.Combine(w.StageDirectory(Target), ClassifierCheckpoint.FileName)).Length, (long)file["size"]!);
        Assert.Matches("^[0-9a-f]{64}$", (string)file["sha256"]!);
        Assert.Null(record["files"]!["stage.json"]);
        var (code, output, _) = w.Cli("verify", w.Out);
        Assert.Equal(0, code);
        Assert.Contains("0 problems", output);
    }

    [Fact]
    public void Overwritten_bytes_in_a_cached_checkpoint_are_reported_by_run_and_verify()
    {
        var (w, path) = Finished();
        using var _w = w;
        var model = Path.Combine(w.StageDirectory(Target), ClassifierCheckpoint.FileName);
        var bytes = File.ReadAllBytes(model);
        var start = Math.Max(0, bytes.Length / 2 - 2048);
        for (var i = start; i < Math.Min(bytes.Length, start + 4096); i++) bytes[i] ^= 0xFF;
        File.WriteAllBytes(model, bytes);

        var (code, _, error) = w.Cli("run", path, "--out", w.Out);
        Assert.Equal(2, code);
        Assert.Contains($"{model}: changed since stage '{Target}' wrote it", error);
        Assert.Contains($"--force {Target}", error);
        Assert.DoesNotContain("   at ", error);

        var (verify, _, verifyError) = w.Cli("verify", w.Out);
        Assert.Equal(2, verify);
        Assert.Contains(model, verifyError);

        // the suggested --force puts it right
        Assert.Equal(0, w.Cli("run", path, "--out", w.Out, "--force", Target).code);
        Assert.Equal(0, w.Cli("verify", w.Out).code);
    }

    [Fact]
    public void A_truncated_or_missing_stage_file_is_an_error_never_zero_rows()
    {
        var (w, path) = Finished();
        using var _w = w;
        var model = Path.Combine(w.StageDirectory(Target), ClassifierCheckpoint.FileName);
        File.WriteAllBytes(model, File.ReadAllBytes(model)[..10]);
        var (code, _, error) = w.Cli("run", path, "--out", w.Out);
        Assert.Equal(2, code);
        Assert.Contains($"{model}: 10 bytes, but stage '{Target}' wrote", error);

        Assert.Equal(0, w.Cli("run", path, "--out", w.Out, "--force", Target).code);
        var rows = Path.Combine(Directory.GetDirectories(Path.Combine(w.Out, "stages"), "metrics.*").First(), "rows.json");
        File.Delete(rows);
        var (again, _, missing) = w.Cli("run", path, "--out", w.Out);
        Assert.Equal(2, again);
        Assert.Contains($"{rows}: missing", missing);
    }

    [Fact]
    public void Verify_needs_a_run_folder()
    {
        using var w = new Workspace();
        var (code, _, error) = w.Cli("verify", w.Root);
        Assert.Equal(2, code);
        Assert.Contains("is not a run folder", error);
    }
}
