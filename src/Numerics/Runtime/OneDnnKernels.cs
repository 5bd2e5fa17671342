using System.Runtime.InteropServices;
using TorchSharp;

namespace MIForge.Numerics.Runtime;

/// <summary>Turns off libtorch's oneDNN (mkldnn) kernels, so convolutions run on libtorch's own CPU kernels.
/// On this project's machine (AMD EPYC, AVX-512) libtorch 2.10's oneDNN convolutions in blocked layouts gave
/// wrong results for single-channel images: input gradients of a 1-channel convolution off by up to 3.8 on two
/// threads (some NaN) on its AVX-512 kernels, and NaN latents in GMI even on one thread on its AVX2 kernels;
/// the WGAN-GP gradient penalty and every attack gradient through an MNIST classifier were affected. TorchSharp
/// does not expose the switch (PyTorch's <c>torch.backends.mkldnn.enabled</c>), so this calls libtorch's
/// <c>at::globalContext().setUserEnabledMkldnn</c> directly. Call <see cref="Disable"/> before the first
/// convolution of a process: the host, the bench and every test assembly do.</summary>
public static class OneDnnKernels
{
    /// <summary>Whether libtorch may use oneDNN kernels in this process.</summary>
    public static bool Enabled => UserEnabledMkldnn(Context());

    /// <summary>Lets libtorch use its own kernels instead of oneDNN's from now on, in this process. NNPACK, the
    /// next kernel libtorch would try for a convolution, goes off too: on a CPU it does not support it printed
    /// "Could not initialize NNPACK" at every convolution (24,070 lines in the first minutes of the quickstart).</summary>
    public static void Disable()
    {
        var context = Context();
        SetUserEnabledMkldnn(context, false);
        SetUserEnabledNnpack(context, false);
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
            throw new InvalidOperationException($"libtorch {torch.__version__} lacks at::globalContext(); MIForge cannot turn off its oneDNN kernels", e);
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
