using MIForge.Host.Manifests;
using MIForge.Host.Stages;
using MIForge.Host.Tests.Fakes;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Host.Tests.Stages;

/// <summary>The manifest's device through TorchSharp: cpu, cuda, cuda:N, auto.</summary>
public sealed class RunDeviceTests
{
    [Fact]
    public void Cpu_and_auto_follow_what_TorchSharp_sees_and_unknown_names_are_refused()
    {
        Assert.Equal(DeviceType.CPU, RunDevice.Of("cpu").type);
        Assert.Equal(DeviceType.CPU, RunDevice.Of(" CPU ").type);
        Assert.Equal(cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU, RunDevice.Of("auto").type);
        Assert.Throws<ArgumentException>(() => RunDevice.Of("tpu"));
        Assert.Throws<ArgumentException>(() => RunDevice.Of("cuda:x"));
    }

    [Fact]
    public void Cuda_absent_is_a_clear_error_and_present_gives_the_device()
    {
        if (cuda.is_available())
        {
            Assert.Equal(DeviceType.CUDA, RunDevice.Of("cuda").type);
            var first = RunDevice.Of("cuda:0");
            Assert.Equal((DeviceType.CUDA, 0), (first.type, first.index));
            using var t = ones(2).to(first);
            Assert.Equal(DeviceType.CUDA, t.device_type);
            return;
        }
        var e = Assert.Throws<ManifestException>(() => RunDevice.Of("cuda", "m.json"));
        Assert.Contains("CUDA was requested but is not available", e.Message);
        Assert.Contains("use device 'cpu' or 'auto'", e.Message);
        Assert.Equal(("m.json", "device"), (e.Errors.Single().File, e.Errors.Single().Path));
        Assert.Throws<ManifestException>(() => RunDevice.Of("cuda:1"));
    }

    [Fact]
    public void A_cuda_manifest_without_cuda_is_bad_input_and_runs_nothing()
    {
        using var w = new Workspace();
        var manifest = Workspace.Manifest();
        manifest["device"] = "cuda";
        var (code, _, error) = w.Cli("run", w.Write(manifest), "--out", w.Out);
        if (cuda.is_available())
        {
            Assert.True(code == 0, error);
            return;
        }
        Assert.Equal(2, code);
        Assert.Contains("device: CUDA was requested but is not available", error);
        Assert.Equal(0, Counters.PriorTrainings);
        Assert.False(Directory.Exists(Path.Combine(w.Out, "stages")) && Directory.EnumerateDirectories(Path.Combine(w.Out, "stages")).Any(),
            "no stage should finish when the device cannot be had");
    }
}
