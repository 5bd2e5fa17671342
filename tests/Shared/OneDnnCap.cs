using System.Runtime.CompilerServices;

namespace MIForge.Tests.Shared;

/// <summary>Every test assembly caps oneDNN as the miforge host does, before its first convolution.</summary>
internal static class OneDnnCap
{
    [ModuleInitializer]
    internal static void Apply() => MIForge.Numerics.Runtime.OneDnnCpuIsa.Apply();
}
