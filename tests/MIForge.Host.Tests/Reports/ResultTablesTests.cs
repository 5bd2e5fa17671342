using MIForge.Host.Reports;
using MIForge.Host.Reports.Charts;
using MIForge.Host.Reports.Tables;
using MIForge.Host.Runs;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Tests.Reports;

public sealed class ResultTablesTests
{
    private static readonly JObject Resolved = JObject.Parse("""
    {
      "data": { "split": { "private": [0, 1, 2, 3, 4] } },
      "targets": [
        { "id": "plain", "model": "mcnn", "training": { "epochs": 2 } },
        { "id": "bido", "model": "mcnn", "defense": { "name": "bido", "options": { "lambdaY": 20 } }, "training": { "epochs": 2 } }
      ],
      "attacks": [ { "id": "gmi", "perClass": 8 } ]
    }
    """);

    private static PointResults Point(double plainTop1, (double, double) plainCi, double bidoTop1, (double, double) bidoCi, int classes = 5, double top5 = 1.0)
    {
        var rows = new List<MetricRow>
        {
            new("plain", null, null, null, "host", "test_acc", 0.981),
            new("bido", null, null, null, "host", "test_acc", 0.9),
        };
        foreach (var (t, v, ci) in new[] { ("plain", plainTop1, plainCi), ("bido", bidoTop1, bidoCi) })
        {
            rows.Add(new(t, "gmi", null, null, "attack-accuracy", "acc_top1", v));
            rows.Add(new(t, "gmi", null, null, "attack-accuracy", "acc_top1_ci95_low", ci.Item1));
            rows.Add(new(t, "gmi", null, null, "attack-accuracy", "acc_top1_ci95_high", ci.Item2));
            rows.Add(new(t, "gmi", null, null, "attack-accuracy", "acc_top5", top5));
            for (var c = 0; c < classes; c++) rows.Add(new(t, "gmi", null, null, "attack-accuracy", $"acc_top1_class_{c}", v));
            rows.Add(new(t, "gmi", null, null, "knn-distance", "knn_dist", 123.456));
            rows.Add(new(t, "gmi", null, null, "evaluator-fid", "evaluator_fid", 12.5));
        }
        return new PointResults("", "/nowhere", rows, Resolved);
    }

    [Fact]
    public void Summary_table_has_readable_headers_percent_cells_and_no_top5_for_five_classes()
    {
        var table = SummaryTable.Of(Point(0.375, (0.24, 0.53), 0.675, (0.52, 0.80)));
        Assert.Equal(["Target", "Natural acc.", "Top-1 [95% CI]", "KNN dist.", "FID"], table.Columns.Select(c => c.Header));
        Assert.Equal("gmi (n = 40)", table.Columns[2].Group);
        Assert.Equal(["plain", "98.1%", "37.5% [24.0, 53.0]", "123.5", "12.5"], table.Rows[0]);
        Assert.Equal("bido", table.Rows[1][0]);
    }

    [Fact]
    public void Top5_is_shown_when_more_than_five_classes_are_attacked()
    {
        var table = SummaryTable.Of(Point(0.375, (0.24, 0.53), 0.675, (0.52, 0.80), classes: 10, top5: 0.9));
        Assert.Contains(table.Columns, c => c.Header == "Top-5");
        Assert.Equal("90.0%", table.Rows[0][table.Columns.ToList().FindIndex(c => c.Header == "Top-5")]);
    }

    [Fact]
    public void Footnotes_name_the_settings_that_differ_and_say_overlapping_intervals_are_noise()
    {
        var overlapping = SummaryTable.Of(Point(0.375, (0.24, 0.53), 0.45, (0.30, 0.61)));
        var settings = Assert.Single(overlapping.Notes, n => n.StartsWith("Settings that differ", StringComparison.Ordinal));
        Assert.Contains("plain: defense = none", settings);
        Assert.Contains("bido: defense.name = bido, defense.options.lambdaY = 20", settings);
        Assert.DoesNotContain("epochs", settings);
        Assert.Contains(overlapping.Notes, n => n.StartsWith("gmi: bido 45.0% vs plain 37.5% (+7.5 pp)", StringComparison.Ordinal) && n.Contains("within noise"));

        var apart = SummaryTable.Of(Point(0.6, (0.5, 0.7), 0.2, (0.1, 0.3)));
        Assert.Contains(apart.Notes, n => n.Contains("lowers attack accuracy beyond noise"));
    }

    [Fact]
    public void Markdown_latex_and_csv_carry_every_cell()
    {
        var table = SummaryTable.Of(Point(0.375, (0.24, 0.53), 0.675, (0.52, 0.80)));
        var markdown = TableText.Write(table, "markdown");
        Assert.Contains("| Target | Natural acc. | gmi (n = 40): Top-1 [95% CI] | gmi (n = 40): KNN dist. | gmi (n = 40): FID |", markdown);
        Assert.Contains("| plain | 98.1% | 37.5% [24.0, 53.0] | 123.5 | 12.5 |", markdown);
        var latex = TableText.Write(table, "latex");
        Assert.Contains(@"\multicolumn{3}{c}{gmi (n = 40)}", latex);
        Assert.Contains(@"plain & 98.1\% & 37.5\% [24.0, 53.0] & 123.5 & 12.5 \\", latex);
        var csv = TableText.Write(table, "csv").Split('\n');
        Assert.Equal("plain,98.1%,\"37.5% [24.0, 53.0]\",123.5,12.5", csv[1]);
    }

    [Fact]
    public void Comparison_of_two_targets_gives_differences_and_noise_verdicts()
    {
        var point = Point(0.375, (0.24, 0.53), 0.45, (0.30, 0.61));
        var table = ComparisonTable.Of(new("plain", point, "plain"), new("bido", point, "bido"));
        var top1 = Assert.Single(table.Rows, r => r[0] == "gmi / Top-1 attack accuracy");
        Assert.Equal(["gmi / Top-1 attack accuracy", "37.5% [24.0, 53.0]", "45.0% [30.0, 61.0]", "+7.5 pp", "within noise (95% intervals overlap)"], top1);
        Assert.Contains(table.Rows, r => r[0] == "Natural accuracy" && r[3] == "−8.1 pp");
        Assert.DoesNotContain(table.Rows, r => r[0].Contains("class_"));
    }

    [Fact]
    public void Roc_curve_of_separated_scores_has_area_one_and_of_identical_scores_one_half()
    {
        var (fpr, tpr, auc) = RocCurve.Of([5f, 6f, 7f], [1f, 2f]);
        Assert.Equal(1.0, auc, 9);
        Assert.Equal((0.0, 0.0), (fpr[0], tpr[0]));
        Assert.Equal((1.0, 1.0), (fpr[^1], tpr[^1]));
        Assert.Equal(0.5, RocCurve.Of([1f, 1f], [1f, 1f]).Auc, 9);
    }
}
