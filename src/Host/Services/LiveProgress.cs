using System.Collections.Concurrent;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MIForge.Host.Services;

/// <summary>Live progress bars on a terminal (Spectre.Console): one bar per stage showing its phase,
/// step, loss, rate and ETA. As a <see cref="TextWriter"/> it prints lines above the bars; phase
/// lines also go to <paramref name="lines"/> when given (stdout redirected to a log file).
/// Disposing stops the display.</summary>
public sealed class LiveProgress(IAnsiConsole console, TextWriter? lines) : TextWriter
{
    private readonly ConcurrentDictionary<string, ProgressTask> bars = new();
    private readonly ConcurrentDictionary<int, string> facts = new();
    private readonly ManualResetEventSlim started = new(), stop = new();
    private readonly StringBuilder pending = new();
    private readonly object gate = new();
    private ProgressContext? context;
    private Thread? thread;

    /// <summary>A live display on stderr when it is a terminal (with phase lines to stdout when that is
    /// redirected); otherwise <paramref name="error"/> itself, where progress is printed as lines.</summary>
    public static TextWriter Over(TextWriter output, TextWriter error) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected
            ? new LiveProgress(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }),
                ReferenceEquals(output, Console.Out) && Console.IsOutputRedirected ? output : null)
            : error;

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Moves the stage's bar to <paramref name="step"/> of <paramref name="total"/> with the facts shown beside it.</summary>
    public void Update(string stage, long step, long total, string text)
    {
        var ctx = Start();
        var bar = bars.GetOrAdd(stage, s => ctx.AddTask(Markup.Escape(s), autoStart: true, maxValue: Math.Max(1, total)));
        bar.MaxValue = Math.Max(1, total);
        bar.Value = Math.Min(step, bar.MaxValue);
        facts[bar.Id] = text;
    }

    /// <summary>A finished phase: printed above the bars and, when given, to the lines writer.</summary>
    public void Phase(string line)
    {
        WriteLine(line);
        lines?.WriteLine(line);
        lines?.Flush();
    }

    public override void Write(char value)
    {
        lock (gate)
        {
            if (value != '\n') { pending.Append(value); return; }
            var line = pending.ToString().TrimEnd('\r');
            pending.Clear();
            console.WriteLine(line);
        }
    }

    private ProgressContext Start()
    {
        lock (gate)
        {
            if (context is not null) return context;
            thread = new Thread(() => console.Progress().AutoClear(false).HideCompleted(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 24 }, new PercentageColumn(), new FactsColumn(facts))
                .Start(ctx => { context = ctx; started.Set(); stop.Wait(); ctx.Refresh(); })) { IsBackground = true, Name = "miforge-progress" };
            thread.Start();
            started.Wait();
            return context!;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && thread is not null)
        {
            stop.Set();
            thread.Join();
        }
        base.Dispose(disposing);
    }

    /// <summary>The phase, step, loss, rate and ETA text of each bar.</summary>
    private sealed class FactsColumn(ConcurrentDictionary<int, string> facts) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(facts.GetValueOrDefault(task.Id, ""));
    }
}
