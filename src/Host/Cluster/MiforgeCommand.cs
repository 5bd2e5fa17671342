namespace MIForge.Host.Cluster;

/// <summary>How a job starts this same miforge: the apphost when this process is one, otherwise
/// <c>dotnet MIForge.Host.dll</c> with this process's dotnet (or the one on PATH).</summary>
public static class MiforgeCommand
{
    public static IReadOnlyList<string> Current()
    {
        var dll = typeof(MiforgeCommand).Assembly.Location;
        var process = Environment.ProcessPath;
        var name = process is null ? "" : Path.GetFileNameWithoutExtension(process);
        if (name == Path.GetFileNameWithoutExtension(dll)) return [process!];
        return [name == "dotnet" ? process! : "dotnet", dll];
    }
}
