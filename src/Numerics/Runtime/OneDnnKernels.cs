using System.Runtime.InteropServices;
using TorchSharp;

namespace MIForge.Numerics.Runtime;

/// <summary>Whether libtorch may run convolutions on its oneDNN (mkldnn) kernels. On one of this project's machines
/// (AMD EPYC, AVX-512) libtorch 2.10's oneDNN convolutions gave wrong results for single-channel images: input
/// gradients of a 1-channel convolution off by up to 3.8 (some NaN), NaN latents in GMI, so the WGAN-GP gradient
/// penalty and every attack gradient through an MNIST classifier were wrong; on an Intel Xeon (Emerald Rapids) they
/// were right, and about 1.5 times faster than libtorch's own kernels. So by default each process checks
/// (<see cref="ConvolutionCheck"/>) and keeps oneDNN only where it agrees with float64. TorchSharp does not expose the
/// switch (PyTorch's <c>torch.backends.mkldnn.enabled</c>), so this calls libtorch's
/// <c>at::globalContext().setUserEnabledMkldnn</c>. Call <see cref="Configure"/> (or <see cref="Choose"/>, then
/// <see cref="Ensure"/>) before the first convolution of a process: the bench and every test assembly configure at
/// start; the host chooses at start and ensures when a command first builds stage services or a stage hash.</summary>
public static class OneDnnKernels
{
    /// <summary>The modes <see cref="Configure"/> takes (configuration key ONEDNN, e.g. MIFORGE_ONEDNN=off).</summary>
    public static IReadOnlyList<string> Modes { get; } = ["auto", "on", "off"];

    /// <summary>Whether libtorch may use oneDNN kernels in this process.</summary>
    public static bool Enabled => UserEnabledMkldnn(Context());

    /// <summary>Why oneDNN is on or off in this process, as <see cref="Configure"/> decided; null before it ran.</summary>
    public static string? Reason { get; private set; }

    /// <summary>Records <paramref name="mode"/> (null or empty: "auto") for <see cref="Ensure"/> without touching libtorch,
    /// so commands that never compute (plugins, describe, table) skip the check. Throws <see cref="ArgumentException"/>
    /// naming ONEDNN for a mode not in <see cref="Modes"/>.</summary>
    public static void Choose(string? mode)
    {
        var normalized = Normalize(mode);
        lock (Gate)
        {
            pending = normalized;
        }
    }

    /// <summary>Applies the mode <see cref="Choose"/> recorded (none recorded: "auto") unless a choice is already
    /// applied; call before a process's first convolution or stage hash. Returns <see cref="Reason"/>.</summary>
    public static string Ensure()
    {
        lock (Gate)
        {
            if (pending is null && Reason is not null) return Reason;
            return Apply(pending ?? "auto");
        }
    }

    /// <summary>Applies <paramref name="mode"/> (null or empty: "auto") now: "auto" runs the convolution check with oneDNN
    /// on and turns it off if any result disagrees with float64; "on" and "off" skip the check. NNPACK goes off in
    /// every mode: on a CPU it does not support, it printed "Could not initialize NNPACK" at every convolution.
    /// Returns <see cref="Reason"/>. Throws <see cref="ArgumentException"/> naming ONEDNN for any other mode.</summary>
    public static string Configure(string? mode)
    {
        var normalized = Normalize(mode);
        lock (Gate)
        {
            return Apply(normalized);
        }
    }

    private static readonly object Gate = new();
    private static string? pending;

    private static string Normalize(string? mode)
    {
        mode = string.IsNullOrWhiteSpace(mode) ? "auto" : mode.Trim().ToLowerInvariant();
        if (!Modes.Contains(mode))
            throw new ArgumentException($"ONEDNN (MIFORGE_ONEDNN) must be one of {string.Join(", ", Modes)}; got '{mode}'", nameof(mode));
        return mode;
    }

    private static string Apply(string mode)
    {
        pending = null;
        var context = Context();
        SetUserEnabledNnpack(context, false);
        SetUserEnabledMkldnn(context, mode != "off");
        string? fault = null;
        if (mode == "auto")
        {
            fault = ConvolutionCheck.Run();
            if (fault is not null) SetUserEnabledMkldnn(context, false);
        }
        Reason = mode switch
        {
            "on" => "on (ONEDNN=on, not checked)",
            "off" => "off (ONEDNN=off)",
            _ when fault is null => $"on (float32 convolutions agreed with float64 on {ConvolutionCheck.Shapes.Count} shapes, 1 and 2 threads)",
            _ => $"off (its {fault})",
        };
        return Reason;
    }

    /// <summary>libtorch's global context; loads TorchSharp's native libraries first, so the same libtorch_cpu is used.</summary>
    private static IntPtr Context()
    {
        using (torch.empty(0)) { }
        try
        {
            return GlobalContext();
        }
        catch (EntryPointNotFoundException e)
        {
            throw new InvalidOperationException($"libtorch {torch.__version__} lacks at::globalContext(); MIForge cannot switch its oneDNN kernels", e);
        }
    }

    [DllImport("libtorch_cpu", EntryPoint = "_ZN2at13globalContextEv")]
    private static extern IntPtr GlobalContext();

    [DllImport("libtorch_cpu", EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    private static extern void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [DllImport("libtorch_cpu", EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb")]
    private static extern void SetUserEnabledNnpack(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [DllImport("libtorch_cpu", EntryPoint = "_ZNK2at7Context17userEnabledMkldnnEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static extern bool UserEnabledMkldnn(IntPtr context);
}
