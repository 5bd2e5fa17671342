using MIForge.Numerics.Runtime;
using TorchSharp;

namespace MIForge.Host.Runs;

/// <summary>The tensor runtime a result is computed with, as part of every stage's hash: the same
/// code gives different numbers on another libtorch, device, with oneDNN kernels on or off or capped at another instruction set, or on another
/// intra-op thread count.</summary>
public static class TorchRuntime
{
    /// <summary>"TorchSharp &lt;version&gt;, libtorch &lt;version&gt;, &lt;device type&gt;, oneDNN on|on, ISA &lt;cap&gt;|off, N intra-op
    /// threads", after the process's oneDNN choice is applied; <paramref name="threads"/> from <see cref="IntraOpThreads.For"/>.</summary>
    public static string Identity(torch.Device device, int threads)
    {
        OneDnnKernels.Ensure();
        return $"TorchSharp {typeof(torch).Assembly.GetName().Version}, libtorch {torch.__version__}, {device.type.ToString().ToLowerInvariant()}, oneDNN {OneDnnKernels.State}, {threads} intra-op threads";
    }
}
