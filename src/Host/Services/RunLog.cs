using Microsoft.Extensions.Logging;

namespace MIForge.Host.Services;

/// <summary>A logger provider writing every message to a log file and, from a level up to warnings, to a console
/// writer. Errors go to the file only: the command that fails prints its error once, itself.</summary>
public sealed class RunLog(TextWriter console, LogLevel consoleLevel) : ILoggerProvider
{
    private readonly object gate = new();
    private StreamWriter? file;

    /// <summary>Starts (or switches) the log file; earlier messages stay in the earlier file.</summary>
    public void WriteTo(string path)
    {
        lock (gate)
        {
            file?.Dispose();
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            file = new StreamWriter(path, append: true) { AutoFlush = true };
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
        lock (gate) file?.Dispose();
    }

    private void Write(LogLevel level, string category, string message, Exception? e)
    {
        var shortCategory = category[(category.LastIndexOf('.') + 1)..];
        lock (gate)
        {
            file?.WriteLine($"{DateTime.UtcNow:O} {level,-11} {category}: {message}{(e is null ? "" : Environment.NewLine + e)}");
            if (level >= consoleLevel && level < LogLevel.Error) console.WriteLine($"{Label(level)}{shortCategory}: {message}");
        }
    }

    private static string Label(LogLevel l) => l switch
    {
        LogLevel.Warning => "warning: ",
        _ => "",
    };

    private sealed class Logger(RunLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Write(logLevel, category, formatter(state, exception), exception);
    }
}
