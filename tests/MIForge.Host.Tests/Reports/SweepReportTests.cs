using MIForge.Host.Tests.Fakes;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Tests.Reports;

/// <summary>A run with a sweep gets a report at its root: the trade-off chart (one point per sweep
/// value, with interval bars) and the table across points; `miforge table` prints both levels.</summary>
public sealed class SweepReportTests
{
    [Fact]
    public void Sweep_root_report_has_the_tradeoff_chart_and_a_row_per_point()
    {
        using var workspace = new Workspace();
        var manifest = Workspace.Manifest();
        manifest["sweep"] = JObject.Parse("""{ "targets[0].defense.options.weight": [0.1, 0.9] }""");
        manifest["metrics"] = new JArray("attack-accuracy", "knn-distance");
        manifest.Remove("ood");
        var (code, _, error) = FakeRun.Cli("run", workspace.Write(manifest), "--out", workspace.Out);
        Assert.True(code == 0, error);

        var html = File.ReadAllText(Path.Combine(workspace.Out, "report.html"));
        Assert.Contains("<h2>Trade-off</h2><figure class=chart><svg", html);
        Assert.Contains("Privacy-utility trade-off", html);
        Assert.Contains("weight=0.1", html);
        Assert.Contains("weight=0.9", html);
        Assert.Contains("<a href='points/p00-weight=0.1/report.html'>", html);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "<tr><td>p0[01]-weight=0\\.[19]</td><td>fake-linear-fake-defense</td><td>\\d+\\.\\d%</td><td>\\d+\\.\\d% \\[").Count);

        (code, var output, error) = FakeRun.Cli("table", workspace.Out);
        Assert.True(code == 0, error);
        Assert.Contains("**Across sweep points**", output);
        Assert.Contains("**Summary: p01-weight=0.9**", output);
    }
}
