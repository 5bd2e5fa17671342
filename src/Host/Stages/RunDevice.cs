using MIForge.Host.Manifests;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Host.Stages;

/// <summary>The manifest's device as a TorchSharp device. Asking for CUDA where TorchSharp sees
/// none is bad input (exit code 2), with a message saying what to do instead.</summary>
public static class RunDevice
{
    public const string CudaUnavailable =
        "CUDA was requested but is not available: this TorchSharp has no CUDA support (TorchSharp-cpu) or no GPU is visible " +
        "(build with TORCH=cuda, e.g. `make build TORCH=cuda`, or use device 'cpu' or 'auto')";

    /// <summary>"cpu", "cuda", "cuda:N", or "auto" (CUDA when torch.cuda.is_available(), else CPU).</summary>
    public static Device Of(string text, string? manifestFile = null)
    {
        var s = text.Trim().ToLowerInvariant();
        if (s == "auto") return cuda.is_available() ? CUDA : CPU;
        if (s == "cpu") return CPU;
        var index = s == "cuda" ? -1
            : s.StartsWith("cuda:") && int.TryParse(s.AsSpan(5), out var i) && i >= 0 ? i
            : throw new ArgumentException($"unknown device '{text}': expected 'cpu', 'cuda', 'cuda:N' or 'auto'");
        if (!cuda.is_available()) throw new ManifestException(manifestFile, "device", $"{CudaUnavailable}; libtorch {torch.__version__} sees no CUDA device");
        return new Device(DeviceType.CUDA, index);
    }
}
