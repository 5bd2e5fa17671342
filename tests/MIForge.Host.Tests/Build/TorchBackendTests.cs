using System.Diagnostics;
using MIForge.Host.Plugins;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Tests.Build;

/// <summary>The TORCH build property picks the libtorch package (CUDA cannot run here, so the
/// reference itself is what is checked).</summary>
public sealed class TorchBackendTests
{
    private static readonly string Root = PluginFolders.FindRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repository root not found");

    private static (int code, string output) MsBuild(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet", ["msbuild", Path.Combine(Root, "src", "Host", "MIForge.Host.csproj"), "-nologo", .. args])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, text);
    }

    private static string[] TorchPackages(string backend)
    {
        var (code, output) = MsBuild("-getItem:PackageReference", $"-p:TORCH={backend}");
        Assert.True(code == 0, output);
        return JObject.Parse(output)["Items"]!["PackageReference"]!.Select(i => (string)i["Identity"]!)
            .Where(n => n.StartsWith("TorchSharp", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void Torch_cuda_references_the_cuda_package_instead_of_the_cpu_one()
    {
        Assert.Equal(["TorchSharp-cpu", "TorchSharp.PyBridge"], TorchPackages("cpu"));
        Assert.Equal(["TorchSharp-cuda-linux", "TorchSharp.PyBridge"], TorchPackages("cuda"));
    }

    [Fact]
    public void An_unknown_backend_is_refused_by_name()
    {
        var (code, output) = MsBuild("-t:CollectPackageReferences", "-p:TORCH=rocm");
        Assert.NotEqual(0, code);
        Assert.Contains("TORCH='rocm' is not a tensor backend: expected 'cpu' (TorchSharp-cpu) or 'cuda' (TorchSharp-cuda-linux)", output);
    }
}
