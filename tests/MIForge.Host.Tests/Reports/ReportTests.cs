using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Tests.Reports;

/// <summary>What a researcher reads from a small run (fakes with the real attack metrics): report.html rendered in headless Chromium
/// (no console errors, the summary table with its rows and percentage cells, an image in every chart
/// and grid; screenshot under artifacts/report-screenshot/), `miforge table` against metrics.json, and
/// `miforge compare` of the two targets.</summary>
public sealed partial class ReportTests(FakeRun run) : IClassFixture<FakeRun>
{
    [GeneratedRegex(@"^\d{1,3}\.\d%( \[\d{1,3}\.\d, \d{1,3}\.\d\])?$")]
    private static partial Regex PercentCell();

    [Fact]
    public void Report_renders_in_chromium_with_summary_rows_percent_cells_and_an_image_in_every_chart()
    {
        var report = Path.Combine(run.Folder, "report.html");
        var html = File.ReadAllText(report);
        Assert.DoesNotMatch(@"(src|href)\s*=\s*['""]?https?:", html);
        Assert.DoesNotContain("<script", html);
        var (dom, console) = Chromium.Load(report);
        Assert.Empty(console);

        var summary = Regex.Match(dom, "<table class=\"summary\">(.*?)</table>", RegexOptions.Singleline);
        Assert.True(summary.Success, "no summary table in the rendered page");
        var rows = Regex.Matches(summary.Groups[1].Value, "<tr>(.*?)</tr>", RegexOptions.Singleline)
            .Select(m => Regex.Matches(m.Groups[1].Value, "<td>(.*?)</td>").Select(c => c.Groups[1].Value).ToList()).Where(r => r.Count > 0).ToList();
        Assert.Equal(["undefended", "defended"], rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Matches(PercentCell(), r[1]));
        Assert.All(rows, r => Assert.Matches(PercentCell(), r[2]));
        Assert.Contains("<th>Top-1 [95% CI]</th>", summary.Value);
        Assert.DoesNotContain("acc_top1", summary.Value);

        var figures = Regex.Matches(dom, "<figure class=\"chart\">(.*?)</figure>", RegexOptions.Singleline);
        Assert.True(figures.Count >= 7, $"{figures.Count} charts");
        Assert.All(figures, f => Assert.Matches("<svg[^>]*>.*<(path|circle|rect|polyline|line)", f.Groups[1].Value.Replace("\n", " ")));
        Assert.Contains(figures, f => f.Groups[1].Value.Contains("ROC"));
        var ids = Regex.Matches(dom, " id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var grids = Regex.Matches(dom, "<div class=\"grid\">(.*?)<img[^>]*>", RegexOptions.Singleline);
        Assert.Equal(4, grids.Count);
        Assert.All(grids, g => Assert.Contains("src=\"data:image/png;base64,iVBORw0KGgo", g.Value));
        Assert.All(grids, g => Assert.Contains(">class 2</div>", g.Value));

        var png = Path.Combine(MIForge.Host.Plugins.PluginFolders.FindRoot(AppContext.BaseDirectory)!, "artifacts", "report-screenshot", "report.png");
        Directory.CreateDirectory(Path.GetDirectoryName(png)!);
        File.Delete(png);
        Chromium.Screenshot(report, png);
        Assert.True(new FileInfo(png).Length > 10_000);
    }

    [Fact]
    public void Console_errors_of_a_page_are_caught()
    {
        var page = Path.Combine(Path.GetTempPath(), $"miforge-console-{Guid.NewGuid():N}.html");
        File.WriteAllText(page, "<!doctype html><title>t</title><script>console.error('caught'); missing();</script>");
        try { Assert.Equal(2, Chromium.Load(page).Console.Count); }
        finally { File.Delete(page); }
    }

    [Fact]
    public void Table_command_prints_metrics_json_values_as_percentages()
    {
        var metrics = JObject.Parse(File.ReadAllText(Path.Combine(run.Folder, "metrics.json")));
        double Value(string key) => (double)((JArray)metrics["rows"]!).Single(r => (string)r["key"]! == key)["value"]!;
        static string Pct(double v) => (v * 100).ToString("F1", CultureInfo.InvariantCulture);

        var (code, output, error) = FakeRun.Cli("table", run.Folder, "--format", "csv");
        Assert.True(code == 0, error);
        var lines = output.Trim().Split('\n');
        Assert.Equal("Target,Natural acc.,fake (n = 6): Top-1 [95% CI],fake (n = 6): Top-5,fake (n = 6): KNN dist.", lines[0]);
        Assert.Equal(3, lines.Length);
        foreach (var (target, line) in new[] { ("undefended", lines[1]), ("defended", lines[2]) })
        {
            var prefix = $"{target},{Pct(Value($"{target}/host.test_acc"))}%,\"{Pct(Value($"{target}/fake/attack-accuracy.acc_top1"))}% "
                + $"[{Pct(Value($"{target}/fake/attack-accuracy.acc_top1_ci95_low"))}, {Pct(Value($"{target}/fake/attack-accuracy.acc_top1_ci95_high"))}]\","
                + $"{Pct(Value($"{target}/fake/attack-accuracy.acc_top5"))}%,";
            Assert.StartsWith(prefix, line);
            var knn = Value($"{target}/fake/knn-distance.knn_dist");
            Assert.Equal(knn, double.Parse(line[prefix.Length..], CultureInfo.InvariantCulture), knn * 1e-3);
        }

        (code, output, error) = FakeRun.Cli("table", run.Folder, "--format", "latex");
        Assert.True(code == 0, error);
        Assert.Contains(@"\multicolumn{3}{c}{fake (n = 6)}", output);
        var settings = "% Settings that differ between rows: undefended: training.epochs = 1, defense = none; "
            + "defended: training.epochs = 2, defense.name = fake-defense, defense.options.weight = 0.5, defense.options.measure.name = fake-dependency, defense.options.measure.options.scale = 1.";
        Assert.True(output.Contains(settings, StringComparison.Ordinal), output);
        Assert.Equal(2, FakeRun.Cli("table", run.Folder, "--format", "html").Code);
        Assert.Equal(2, FakeRun.Cli("table", Path.Combine(run.Folder, "no-such")).Code);
    }

    [Fact]
    public void Compare_command_gives_top1_differences_of_two_targets_with_a_noise_verdict()
    {
        var (code, output, error) = FakeRun.Cli("compare", run.Folder, "--targets", "undefended", "defended", "--format", "markdown");
        Assert.True(code == 0, error);
        Assert.Matches(@"\| fake / Top-1 attack accuracy \| [\d.]+% \[[\d., ]+\] \| [\d.]+% \[[\d., ]+\] \| [+−][\d.]+ pp \| (within|beyond) noise", output);
        Assert.Contains("| Natural accuracy |", output);
        (code, _, error) = FakeRun.Cli("compare", run.Folder, "--targets", "undefended", "nobody");
        Assert.Equal(2, code);
        Assert.Contains("has no target 'nobody'", error);
    }

    [Fact]
    public void Run_prints_the_summary_table_at_its_end()
    {
        Assert.Contains("Top-1 [95% CI]", run.RunOutput);
        Assert.Contains("defended", run.RunOutput);
        Assert.DoesNotContain("acc_top1", run.RunOutput);
    }
}
