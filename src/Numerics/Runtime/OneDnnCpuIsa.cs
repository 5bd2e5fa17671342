using System.Runtime.InteropServices;

namespace MIForge.Numerics.Runtime;

/// <summary>Keeps libtorch 2.10's oneDNN on its AVX2 kernels unless the user chose an instruction set.
/// On this project's machine (AMD EPYC, AVX-512) the <c>jit:avx512_core</c> backward-data convolution that
/// oneDNN picks for single-channel (gray) inputs returned input gradients that differ from the one-thread
/// result whenever it ran on two threads (20 of 20 calls, some NaN): the WGAN-GP gradient penalty and every
/// attack gradient through an MNIST classifier were wrong. The AVX2 kernels agree with one thread, and Zen 4
/// runs AVX-512 as two 256-bit halves, so the cap costs little there. oneDNN reads the cap once, from the
/// native environment, when it creates its first primitive: call <see cref="Apply"/> before any convolution.</summary>
public static partial class OneDnnCpuIsa
{
    /// <summary>The variable oneDNN reads (its older name DNNL_MAX_CPU_ISA is honoured too).</summary>
    public const string Variable = "ONEDNN_MAX_CPU_ISA";

    /// <summary>The instruction set MIForge caps oneDNN at.</summary>
    public const string Cap = "AVX2";

    /// <summary>Sets <see cref="Variable"/> to <see cref="Cap"/> in the native environment unless the user set
    /// either name; returns the cap in force afterwards.</summary>
    public static string Apply()
    {
        var chosen = Read(Variable) ?? Read("DNNL_MAX_CPU_ISA");
        if (chosen is not null) return chosen;
        if (setenv(Variable, Cap, 0) != 0) throw new InvalidOperationException($"setenv({Variable}) failed: errno {Marshal.GetLastPInvokeError()}");
        return Cap;
    }

    /// <summary>The variable as native code sees it (the managed environment is a copy taken at start-up).</summary>
    public static string? Read(string name) => Marshal.PtrToStringUTF8(getenv(name));

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr getenv(string name);
}
