using System.Diagnostics;

namespace MIForge.Host.Tests.Reports;

/// <summary>Debian's chromium, headless: a page's DOM after load with the console messages it logged,
/// and screenshots. Console messages are read from chromium's own log on stderr (lines with ":CONSOLE").</summary>
public static class Chromium
{
    public static string Executable() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("chromium not found; `make deps` installs it (Debian package chromium)");

    /// <summary>The DOM after load and every console message.</summary>
    public static (string Dom, IReadOnlyList<string> Console) Load(string file)
    {
        var (stdout, stderr) = Run("--dump-dom", new Uri(Path.GetFullPath(file)).AbsoluteUri);
        return (stdout, stderr.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).ToList());
    }

    /// <summary>A full-width screenshot of the page's first <paramref name="height"/> pixels into <paramref name="png"/>.</summary>
    public static void Screenshot(string file, string png, int width = 1400, int height = 4000)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(png)!);
        Run($"--screenshot={png}", $"--window-size={width},{height}", new Uri(Path.GetFullPath(file)).AbsoluteUri);
    }

    private static (string Stdout, string Stderr) Run(params string[] args)
    {
        var start = new ProcessStartInfo(Executable()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--enable-logging=stderr", "--v=0", "--hide-scrollbars" }.Concat(args))
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000)) { process.Kill(entireProcessTree: true); throw new TimeoutException("chromium did not finish in 120 s"); }
        return (stdout, stderr.Result);
    }
}
