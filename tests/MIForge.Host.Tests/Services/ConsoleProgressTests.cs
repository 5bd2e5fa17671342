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
