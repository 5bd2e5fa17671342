using TorchSharp;

namespace MIForge.Host.Runs;

/// <summary>The intra-op thread count a stage computes with: the manifest's <c>threads</c>, else the count this
/// process was configured with (configuration key THREADS, e.g. MIFORGE_THREADS), else libtorch's default. It is
/// part of every stage's hash: a reduction split over 1 or 2 threads rounds differently, so the same stage on
/// another count gives other bytes.</summary>
public static class IntraOpThreads
{
    // read before anything in this process sets a count
    private static readonly Lazy<int> libtorchDefault = new(torch.get_num_threads);
    private static int configured;

    /// <summary>Sets the process's count (0: libtorch's default), which stages of manifests without <c>threads</c> get.</summary>
    public static void Configure(int threads)
    {
        _ = libtorchDefault.Value;
        configured = threads;
        var count = For(0);
        if (torch.get_num_threads() != count) torch.set_num_threads(count);
    }

    /// <summary>The count a stage of a manifest with <paramref name="manifestThreads"/> (0: unset) computes with, in a
    /// process configured with <paramref name="configuredThreads"/> (null: this process's configuration).</summary>
    public static int For(int manifestThreads, int? configuredThreads = null) =>
        manifestThreads > 0 ? manifestThreads : (configuredThreads ?? configured) is > 0 and var c ? c : libtorchDefault.Value;

    /// <summary>Sets libtorch to <see cref="For"/>'s count, whatever an earlier point set, and returns it.</summary>
    public static int Apply(int manifestThreads)
    {
        var threads = For(manifestThreads);
        if (torch.get_num_threads() != threads) torch.set_num_threads(threads);
        return threads;
    }
}
