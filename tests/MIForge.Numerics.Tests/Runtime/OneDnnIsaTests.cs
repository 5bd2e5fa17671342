using MIForge.Numerics.Runtime;

namespace MIForge.Numerics.Tests.Runtime;

/// <summary>oneDNN's instruction-set cap: the names it takes, this machine's record, and that a process keeps the one
/// cap it started its convolutions with.</summary>
[Collection(OneDnnSwitching.Name)]
public sealed class OneDnnIsaTests
{
    [Fact]
    public void The_test_process_is_capped_as_set_inherited_or_recorded()
    {
        var set = OneDnnIsa.Normalize(Environment.GetEnvironmentVariable("MIFORGE_ONEDNN_ISA"));
        var inherited = Environment.GetEnvironmentVariable("ONEDNN_MAX_CPU_ISA");
        if (OneDnnIsa.Applied is null)
        {
            // Only a process started with ONEDNN=off never caps oneDNN.
            Assert.Equal("off", Environment.GetEnvironmentVariable("MIFORGE_ONEDNN")?.Trim().ToLowerInvariant());
            Assert.Equal("off", OneDnnKernels.State);
            return;
        }
        Assert.Equal(set ?? (string.IsNullOrEmpty(inherited) ? OneDnnIsa.Recorded() ?? "default" : OneDnnIsa.Applied), OneDnnIsa.Applied);
        var state = OneDnnKernels.State;
        Assert.Equal(!OneDnnKernels.Enabled ? "off" : OneDnnIsa.Applied is "default" ? "on" : $"on, ISA {OneDnnIsa.Applied}", state);
    }

    [Fact]
    public void A_bad_cap_names_the_key_and_the_values_it_takes()
    {
        Assert.Null(OneDnnIsa.Normalize(" "));
        Assert.Equal("avx512_core", OneDnnIsa.Normalize(" AVX512_Core "));
        var e = Assert.Throws<ArgumentException>(() => OneDnnIsa.Normalize("avx9"));
        Assert.Contains("MIFORGE_ONEDNN_ISA", e.Message);
        Assert.Contains("sse41", e.Message);
        Assert.Contains("'avx9'", e.Message);
        Assert.Throws<ArgumentException>(() => OneDnnKernels.Choose("auto", "avx9"));
    }

    [Fact]
    public void A_process_keeps_the_cap_of_its_first_convolution()
    {
        var before = Environment.GetEnvironmentVariable("MIFORGE_ONEDNN");
        var applied = OneDnnIsa.Applied ?? OneDnnIsa.Apply(Environment.GetEnvironmentVariable("MIFORGE_ONEDNN_ISA"));
        var other = applied == "sse41" ? "avx2" : "sse41";
        try
        {
            var e = Assert.Throws<InvalidOperationException>(() => OneDnnKernels.Configure("on", other));
            Assert.Contains($"'{applied}'", e.Message);
            Assert.Equal(applied, OneDnnIsa.Apply(applied));
        }
        finally
        {
            OneDnnKernels.Configure(before, Environment.GetEnvironmentVariable("MIFORGE_ONEDNN_ISA"));
        }
    }

    [Fact]
    public void The_record_is_per_machine_and_libtorch_and_round_trips()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var dir = Directory.CreateTempSubdirectory("miforge-isa-").FullName;
        try
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", dir);
            Assert.Null(OneDnnIsa.Recorded());
            OneDnnIsa.Record("SSE41");
            Assert.Equal(Path.Combine(dir, "miforge", $"onednn-isa-{OneDnnIsa.MachineKey()}.txt"), OneDnnIsa.RecordPath);
            Assert.Equal("sse41", OneDnnIsa.Recorded());
            Assert.Matches("^[0-9a-f]{12}$", OneDnnIsa.MachineKey());
            File.WriteAllText(OneDnnIsa.RecordPath, "fastest\n");
            Assert.Null(OneDnnIsa.Recorded());
            Assert.Throws<ArgumentException>(() => OneDnnIsa.Record("fastest"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", cache);
            Directory.Delete(dir, true);
        }
    }
}
