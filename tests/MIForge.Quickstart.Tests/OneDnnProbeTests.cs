using System.Diagnostics;

namespace MIForge.Quickstart.Tests;

/// <summary>`miforge onednn` on this machine: one process per candidate cap, fastest first, until the convolution check
/// passes; the first that passes is recorded, and a run on a machine without a record probes by itself.</summary>
public sealed class OneDnnProbeTests
{
    [Fact]
    public void The_probe_records_the_first_cap_whose_convolutions_agree_and_a_run_uses_it()
    {
        var cache = Directory.CreateTempSubdirectory("miforge-onednn-").FullName;
        try
        {
            var (code, output, error) = Cli(cache, "onednn");
            var lines = output.Split('\n').Where(l => l.StartsWith("oneDNN probe: ", StringComparison.Ordinal) && !l.Contains("recorded")).ToList();
            Assert.NotEmpty(lines);
            string[] candidates = ["default", "avx2", "sse41"];
            if (!lines[^1].Contains(" passed: ", StringComparison.Ordinal))
            {
                // A machine where no cap passes: every candidate failed, "default" is recorded (later processes check
                // uncapped and turn oneDNN off without probing again), and the command says so.
                Assert.Equal(1, code);
                Assert.Equal(candidates.Length, lines.Count);
                Assert.Equal("default", File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(cache, "miforge"), "onednn-isa-*.txt"))).Trim());
                Assert.Contains("no instruction set tried", error);
                return;
            }
            Assert.True(code == 0, output + error);
            // Every line before the last is a failed candidate, in the order tried; the last passed and was recorded.
            for (var i = 0; i < lines.Count; i++)
            {
                Assert.StartsWith($"oneDNN probe: {candidates[i],-8} {(i == lines.Count - 1 ? "passed: oneDNN on (float32 convolutions agreed" : "failed: oneDNN off (its ")}", lines[i]);
            }
            var recorded = candidates[lines.Count - 1];
            var files = Directory.GetFiles(Path.Combine(cache, "miforge"), "onednn-isa-*.txt");
            Assert.Equal(recorded, File.ReadAllText(Assert.Single(files)).Trim());
            Assert.Contains($"oneDNN: {recorded}", output);

            // Each candidate checked alone agrees with the probe; a bad one is refused by name.
            for (var i = 0; i < lines.Count; i++)
                Assert.Equal(i == lines.Count - 1 ? 0 : 1, Cli(cache, "onednn", "--isa", candidates[i]).code);
            var bad = Cli(cache, "onednn", "--isa", "avx9");
            Assert.Equal(2, bad.code);
            Assert.Contains("--isa", bad.error);
            Assert.Contains("'avx9'", bad.error);

            // A computing command on a machine without a record probes first, then runs capped as recorded.
            File.Delete(files[0]);
            var validate = Cli(cache, "validate", Path.Combine(Repository.Root, "manifests", "quickstart.json"));
            Assert.True(validate.code == 0, validate.output + validate.error);
            Assert.Contains($"oneDNN probe: recorded '{recorded}'", validate.error);
            Assert.Equal(recorded, File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(cache, "miforge"), "onednn-isa-*.txt"))).Trim());
            var again = Cli(cache, "validate", Path.Combine(Repository.Root, "manifests", "quickstart.json"));
            Assert.DoesNotContain("oneDNN probe", again.error);
        }
        finally
        {
            Directory.Delete(cache, true);
        }
    }

    [Fact]
    public void A_run_where_the_record_cannot_be_written_still_computes_and_says_so()
    {
        var file = Path.GetTempFileName();
        try
        {
            // The cache "folder" is a file: nothing can be recorded under it.
            var (code, output, error) = Cli(file, "validate", Path.Combine(Repository.Root, "manifests", "quickstart.json"));
            Assert.True(code == 0, output + error);
            Assert.Contains("oneDNN probe: ", error);
            if (error.Contains(" passed: ", StringComparison.Ordinal))
                Assert.Contains("could not record", error);
            Assert.Contains("valid", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void An_unknown_inherited_oneDNN_cap_is_an_error_naming_the_variable()
    {
        var cache = Directory.CreateTempSubdirectory("miforge-onednn-").FullName;
        try
        {
            var (code, output, error) = Cli(cache, new Dictionary<string, string> { ["ONEDNN_MAX_CPU_ISA"] = "AVX9" },
                "validate", Path.Combine(Repository.Root, "manifests", "quickstart.json"));
            Assert.Equal(2, code);
            Assert.Contains("ONEDNN_MAX_CPU_ISA", error);
            Assert.Contains("'AVX9'", error);
            Assert.DoesNotContain("valid (", output);
        }
        finally
        {
            Directory.Delete(cache, true);
        }
    }

    private static (int code, string output, string error) Cli(string cache, params string[] args) => Cli(cache, new Dictionary<string, string>(), args);

    private static (int code, string output, string error) Cli(string cache, Dictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet", [Repository.HostDll(), .. args]) { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.Environment["XDG_CACHE_HOME"] = cache;
        foreach (var key in new[] { "MIFORGE_ONEDNN", "MIFORGE_ONEDNN_ISA", "ONEDNN_MAX_CPU_ISA" }) psi.Environment.Remove(key);
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        using var p = Process.Start(psi)!;
        var error = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, error.Result);
    }
}
