using System.Diagnostics;
using MIForge.Abstractions;
using Microsoft.Extensions.Logging;

namespace MIForge.Host.Services;

/// <summary>Progress of one stage. On a terminal (<paramref name="writer"/> is a <see cref="LiveProgress"/>)
/// it moves the stage's live bar; otherwise it prints one line per finished phase (an epoch, an attack's
/// class batch) and, for long phases, a line at most every <see cref="HeartbeatSeconds"/>, so a
/// redirected log reads well while the run goes on. Lines carry step, loss, rate and ETA; each phase's
/// end is also logged.</summary>
public sealed class ConsoleProgress(string stage, TextWriter writer, ILogger logger) : IProgressReporter
{
    /// <summary>Longest quiet time of a running phase when printing lines.</summary>
    public const double HeartbeatSeconds = 30;

    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Dictionary<string, (long Ticks, long Step, long Last)> starts = [];
    private long lastPrintTicks;

    public void Report(string phase, long step, long total, double? loss = null)
    {
        var now = clock.ElapsedTicks;
        if (!starts.TryGetValue(phase, out var start) || step < start.Last) start = (now, step, step);
        starts[phase] = start with { Last = step };
        var done = total > 0 && step >= total;
        var live = writer as LiveProgress;
        if (live is null && !done && now - lastPrintTicks < HeartbeatSeconds * Stopwatch.Frequency) return;
        // A phase's rate counts from its first report, or from where its count restarted (phases may
        // interleave, e.g. ppdg rounds around gmi; the same phase may run again, e.g. gmi in each round).
        var seconds = (now - start.Ticks) / (double)Stopwatch.Frequency;
        var rate = seconds >= 0.5 ? (step - start.Step) / seconds : 0;
        var eta = rate > 0 && total > step ? TimeSpan.FromSeconds((total - step) / rate) : TimeSpan.Zero;
        var facts = $"{phase} {step}/{total}" + (loss is { } l ? $" loss {l:G5}" : "") + (rate > 0 ? $" {rate:F1}/s" : "");
        var line = $"[{stage}] {facts}" + (rate > 0 ? done ? $" in {TimeSpan.FromSeconds(seconds):hh\\:mm\\:ss}" : $" ETA {eta:hh\\:mm\\:ss}" : "");
        if (live is not null)
        {
            live.Update(stage, step, total, facts + (rate > 0 && !done ? $" ETA {eta:hh\\:mm\\:ss}" : ""));
            if (done) live.Phase(line);
        }
        else
        {
            lastPrintTicks = now;
            writer.WriteLine(line);
        }
        if (done) logger.LogInformation("{Line}", line);
    }
}
