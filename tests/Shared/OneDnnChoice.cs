using System.Runtime.CompilerServices;

namespace MIForge.Tests.Shared;

/// <summary>Every test assembly chooses libtorch's oneDNN kernels as the miforge host does (MIFORGE_ONEDNN, default
/// auto: on only where the convolution check passes; MIFORGE_ONEDNN_ISA, else this machine's record, caps its
/// instruction set), before its first convolution.</summary>
internal static class OneDnnChoice
{
    [ModuleInitializer]
    internal static void Apply() => MIForge.Numerics.Runtime.OneDnnKernels.Configure(
        Environment.GetEnvironmentVariable("MIFORGE_ONEDNN"), Environment.GetEnvironmentVariable("MIFORGE_ONEDNN_ISA"));
}
