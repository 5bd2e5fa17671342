using System.Runtime.CompilerServices;

namespace MIForge.Tests.Shared;

/// <summary>Every test assembly turns off libtorch's oneDNN kernels as the miforge host does, before its first convolution.</summary>
internal static class OneDnnOff
{
    [ModuleInitializer]
    internal static void Apply() => MIForge.Numerics.Runtime.OneDnnKernels.Disable();
}
