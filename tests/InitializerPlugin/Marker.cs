using System.Runtime.CompilerServices;

namespace Sample.Initializer;

/// <summary>Runs when the runtime first executes anything of this assembly and leaves <see cref="FileName"/>
/// beside it: the trace tests look for to see whether the plugin's code ran.</summary>
internal static class Marker
{
    public const string FileName = "module-initializer-ran.txt";

    [ModuleInitializer]
    internal static void Initialize() =>
        File.AppendAllText(Path.Combine(Path.GetDirectoryName(typeof(Marker).Assembly.Location)!, FileName), $"{Environment.ProcessId}\n");
}
