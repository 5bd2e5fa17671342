using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Numerics.Tests.Runtime;

/// <summary>TorchSharp loads in this process through the project's own copy of libLibTorchSharp.so
/// (patched by the build when the system libstdc++ lacks GLIBCXX_3.4.32), never the NuGet cache's file.</summary>
public sealed class TorchRuntimeTests
{
    [Fact]
    public void TorchSharp_computes_a_double_backward_on_libtorch_2_10()
    {
        using var scope = NewDisposeScope();
        Assert.StartsWith("2.10", __version__);
        var x = tensor(new[] { 1.5f, -2f }, requires_grad: true);
        var y = (x * x * x).sum();
        var g = autograd.grad([y], [x], create_graph: true, retain_graph: true)[0];
        var h = autograd.grad([g.sum()], [x])[0];
        Assert.Equal(new[] { 6.75f, 12f }, g.detach().data<float>().ToArray());
        Assert.Equal(new[] { 9f, -12f }, h.data<float>().ToArray());
    }

    [Fact]
    public void The_loaded_native_library_is_the_projects_copy_not_the_package_cache()
    {
        using (var _ = ones(1)) { }
        var loaded = File.ReadLines("/proc/self/maps")
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault())
            .Where(p => p is not null && p.EndsWith("/libLibTorchSharp.so", StringComparison.Ordinal))
            .Distinct().ToArray();
        var path = Assert.Single(loaded)!;
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so"), path);

        var root = FindRepoRoot();
        var projectCopy = Path.Combine(root, "artifacts", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(projectCopy), projectCopy);
        Assert.Equal(File.ReadAllBytes(projectCopy), File.ReadAllBytes(path));

        var cache = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            "torchsharp", typeof(torch).Assembly.GetName().Version!.ToString(3), "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(cache), cache);
        var systemHasIt = SystemLibstdcxxHas("GLIBCXX_3.4.32");
        // The patched copy differs from the package's file exactly when the system needed the patch;
        // the package's file itself is never modified (it keeps its strong GLIBCXX_3.4.32 need).
        Assert.Equal(systemHasIt, File.ReadAllBytes(cache).AsSpan().SequenceEqual(File.ReadAllBytes(projectCopy)));
    }

    private static bool SystemLibstdcxxHas(string version)
    {
        var maps = File.ReadLines("/proc/self/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault())
            .Where(p => p is not null && p.Contains("libstdc++.so", StringComparison.Ordinal)).Distinct().ToArray();
        var needle = System.Text.Encoding.ASCII.GetBytes(version + "\0");
        return maps.Any(p => File.ReadAllBytes(p!).AsSpan().IndexOf(needle) >= 0);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Framework.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("no Framework.sln above " + AppContext.BaseDirectory);
    }
}
