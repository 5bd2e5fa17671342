using System.Diagnostics;
using MIForge.Abstractions;
using Microsoft.Extensions.Logging;

namespace MIForge.Host.Services;

/// <summary>Prints progress of one stage to a writer (stderr) at most about once a second, with
/// rate and ETA, and logs each phase's end.</summary>
public sealed class ConsoleProgress(string stage, TextWriter writer, ILogger logger) : IProgressReporter
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Dictionary<string, (long Ticks, long Step, long Last)> starts = [];
    private long lastPrintTicks = long.MinValue;

    public void Report(string phase, long step, long total, double? loss = null)
    {
        var now = clock.ElapsedTicks;
        if (!starts.TryGetValue(phase, out var start) || step < start.Last) start = (now, step, step);
        starts[phase] = start with { Last = step };
        var done = total > 0 && step >= total;
        if (!done && now - lastPrintTicks < Stopwatch.Frequency) return;
        lastPrintTicks = now;
        // A phase's rate counts from its first report, or from where its count restarted (phases may
        // interleave, e.g. ppdg rounds around gmi; the same phase may run again, e.g. gmi in each round).
        var seconds = (now - start.Ticks) / (double)Stopwatch.Frequency;
        var rate = seconds >= 0.5 ? (step - start.Step) / seconds : 0;
        var eta = rate > 0 && total > step ? TimeSpan.FromSeconds((total - step) / rate) : TimeSpan.Zero;
        var line = $"[{stage}] {phase} {step}/{total}" + (loss is { } l ? $" loss {l:G5}" : "")
            + (rate > 0 ? $" {rate:F1}/s ETA {eta:hh\\:mm\\:ss}" : "");
        writer.WriteLine(line);
        if (done) logger.LogInformation("{Line}", line);
    }
}
