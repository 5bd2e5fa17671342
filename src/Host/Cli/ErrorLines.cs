namespace MIForge.Host.Cli;

/// <summary>Prints errors as "error: ..." lines, at most <see cref="Limit"/> of them, then how many more there were.</summary>
public static class ErrorLines
{
    public const int Limit = 20;

    public static void Write(TextWriter error, IEnumerable<string> messages)
    {
        var shown = 0;
        var more = 0;
        foreach (var m in messages)
        {
            if (shown < Limit)
            {
                error.WriteLine($"error: {m}");
                shown++;
            }
            else more++;
        }
        if (more > 0) error.WriteLine($"error: and {more} more");
    }
}
