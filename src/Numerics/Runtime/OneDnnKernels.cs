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
/// start; the host chooses at start and ensures when a command first builds stage services or a stage hash. Where
/// oneDNN fails the check at the CPU's best instruction set it may pass at a lower one (<see cref="OneDnnIsa"/>).</summary>
public static class OneDnnKernels
{
    /// <summary>The modes <see cref="Configure"/> takes (configuration key ONEDNN, e.g. MIFORGE_ONEDNN=off).</summary>
    public static IReadOnlyList<string> Modes { get; } = ["auto", "on", "off"];

    /// <summary>Whether libtorch may use oneDNN kernels in this process.</summary>
    public static bool Enabled => UserEnabledMkldnn(Context());

    /// <summary>Why oneDNN is on or off in this process, as <see cref="Configure"/> decided; null before it ran.</summary>
    public static string? Reason { get; private set; }

    /// <summary>"on", "on, ISA &lt;cap&gt;" (oneDNN capped below the CPU's best) or "off": what a stage's hash records.</summary>
    public static string State => !Enabled ? "off" : OneDnnIsa.Applied is { } isa && isa != "default" ? $"on, ISA {isa}" : "on";

    /// <summary>Records <paramref name="mode"/> (null or empty: "auto") and the ONEDNN_ISA cap <paramref name="isa"/>
    /// (null: see <see cref="OneDnnIsa.Apply"/>) for <see cref="Ensure"/> without touching libtorch, so commands that
    /// never compute (plugins, describe, table) skip the check. Throws <see cref="ArgumentException"/> naming ONEDNN,
    /// ONEDNN_ISA or an inherited ONEDNN_MAX_CPU_ISA for a value not allowed.</summary>
    public static void Choose(string? mode, string? isa = null)
    {
        var normalized = Normalize(mode);
        var cap = OneDnnIsa.Normalize(isa);
        OneDnnIsa.Inherited();
        lock (Gate)
        {
            pending = (normalized, cap);
        }
    }

    /// <summary>Applies the mode <see cref="Choose"/> recorded (none recorded: "auto") unless a choice is already
    /// applied; call before a process's first convolution or stage hash. In "auto" mode with no cap set, inherited or
    /// recorded for this machine, <paramref name="findCap"/> (the host's probe, one process per candidate cap) may
    /// return one to apply. Returns <see cref="Reason"/>.</summary>
    public static string Ensure(Func<string?>? findCap = null)
    {
        lock (Gate)
        {
            if (pending is null && Reason is not null) return Reason;
            var (mode, isa) = pending ?? ("auto", null);
            if (mode == "auto" && isa is null && findCap is not null && OneDnnIsa.Applied is null
                && OneDnnIsa.Inherited() is null && OneDnnIsa.Recorded() is null)
                isa = findCap();
            return Apply(mode, isa);
        }
    }

    /// <summary>Applies <paramref name="mode"/> (null or empty: "auto") now, with oneDNN capped at <paramref name="isa"/>
    /// (see <see cref="OneDnnIsa.Apply"/>) unless the mode is "off": "auto" runs the convolution check with oneDNN on
    /// and turns it off if any result disagrees with float64; "on" and "off" skip the check. NNPACK goes off in every
    /// mode: on a CPU it does not support, it printed "Could not initialize NNPACK" at every convolution. Returns
    /// <see cref="Reason"/>. Throws <see cref="ArgumentException"/> naming ONEDNN or ONEDNN_ISA for any other value.</summary>
    public static string Configure(string? mode, string? isa = null)
    {
        var normalized = Normalize(mode);
        var cap = OneDnnIsa.Normalize(isa);
        lock (Gate)
        {
            return Apply(normalized, cap);
        }
    }

    private static readonly object Gate = new();
    private static (string Mode, string? Isa)? pending;

    private static string Normalize(string? mode)
    {
        mode = string.IsNullOrWhiteSpace(mode) ? "auto" : mode.Trim().ToLowerInvariant();
        if (!Modes.Contains(mode))
            throw new ArgumentException($"ONEDNN (MIFORGE_ONEDNN) must be one of {string.Join(", ", Modes)}; got '{mode}'", nameof(mode));
        return mode;
    }

    private static string Apply(string mode, string? isa)
    {
        pending = null;
        var context = Context();
        SetUserEnabledNnpack(context, false);
        var cap = mode == "off" ? null : OneDnnIsa.Apply(isa);
        var capped = cap is null or "default" ? "" : $"; instruction set capped at {cap}, from {OneDnnIsa.Source}";
        SetUserEnabledMkldnn(context, mode != "off");
        string? fault = null;
        if (mode == "auto")
        {
            fault = ConvolutionCheck.Run();
            if (fault is not null) SetUserEnabledMkldnn(context, false);
        }
        Reason = mode switch
        {
            "on" => $"on (ONEDNN=on, not checked{capped})",
            "off" => "off (ONEDNN=off)",
            _ when fault is null => $"on (float32 convolutions agreed with float64 on {ConvolutionCheck.Shapes.Count} shapes, 1 and 2 threads{capped})",
            _ => $"off (its {fault}{capped}; `miforge onednn` looks for an instruction set where they agree)",
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
