using MIForge.Host.Services;
using Microsoft.Extensions.Logging.Abstractions;

namespace MIForge.Host.Tests.Services;

public sealed class ConsoleProgressTests
{
    [Fact]
    public void A_phase_that_ends_at_its_first_report_prints_no_rate()
    {
        var output = new StringWriter();
        var progress = new ConsoleProgress("attack.t.ppdg", output, NullLogger.Instance);
        progress.Report("gmi classes 1/1", 600, 600, 7.5);
        progress.Report("ppdg rounds", 3, 3);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("[attack.t.ppdg] ppdg rounds 3/3", lines[1].TrimEnd());
        Assert.DoesNotContain("/s", lines[0]);
    }
}

public sealed class ConsoleProgressLinesTests
{
    [Fact]
    public void Redirected_output_gets_one_line_per_finished_phase()
    {
        var output = new StringWriter();
        var progress = new ConsoleProgress("target.t", output, NullLogger.Instance);
        for (var step = 1; step <= 10; step++) progress.Report("epoch 1/2", step, 10, 0.5);
        for (var step = 1; step <= 10; step++) progress.Report("epoch 2/2", step, 10, 0.25);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("[target.t] epoch 1/2 10/10 loss 0.5", lines[0]);
        Assert.StartsWith("[target.t] epoch 2/2 10/10 loss 0.25", lines[1]);
    }

    [Fact]
    public void On_a_terminal_the_stage_gets_a_live_bar_and_finished_phases_go_to_the_log_writer()
    {
        var screen = new StringWriter();
        var log = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(screen),
            Ansi = Spectre.Console.AnsiSupport.Yes,
            Interactive = Spectre.Console.InteractionSupport.Yes,
            ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
        });
        using (var live = new LiveProgress(console, log))
        {
            var progress = new ConsoleProgress("attack.t.gmi", live, NullLogger.Instance);
            progress.Report("gmi classes 1/1", 3, 6, 2.5);
            progress.Report("gmi classes 1/1", 6, 6, 1.5);
        }
        Assert.Contains("attack.t.gmi", screen.ToString());
        Assert.Contains("gmi classes 1/1 6/6 loss 1.5", screen.ToString());
        Assert.StartsWith("[attack.t.gmi] gmi classes 1/1 6/6 loss 1.5", Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
