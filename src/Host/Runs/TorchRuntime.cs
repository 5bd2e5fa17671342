using MIForge.Numerics.Runtime;
using TorchSharp;

namespace MIForge.Host.Runs;

/// <summary>The tensor runtime a result is computed with, as part of every stage's hash: the same
/// code gives different numbers on another libtorch, device, or with oneDNN kernels on or off.</summary>
public static class TorchRuntime
{
    /// <summary>"TorchSharp &lt;version&gt;, libtorch &lt;version&gt;, &lt;device type&gt;, oneDNN on|off", after the
    /// process's oneDNN choice is applied.</summary>
    public static string Identity(torch.Device device)
    {
        OneDnnKernels.Ensure();
        return $"TorchSharp {typeof(torch).Assembly.GetName().Version}, libtorch {torch.__version__}, {device.type.ToString().ToLowerInvariant()}, oneDNN {(OneDnnKernels.Enabled ? "on" : "off")}";
    }
}
