using MIForge.Host.Reports;
using MIForge.Host.Reports.Charts;
using MIForge.Host.Runs;

namespace MIForge.Host.Tests.Reports;

public sealed class ChartsTests
{
    [Fact]
    public void A_one_epoch_chart_is_an_svg_with_its_epoch_tick_and_no_made_up_range()
    {
        var svg = EpochChart.Render("target: accuracy", "accuracy", [("train", [0.467])], rates: true);
        Assert.StartsWith("<figure class=chart><svg", svg);
        Assert.Matches(@">\s*100%\s*<", svg);
        Assert.Matches(@">\s*0%\s*<", svg);
        Assert.Matches(@">\s*1\s*<", svg);
        Assert.DoesNotContain("1.467", svg);
        Assert.Contains("(1 epoch)", svg);
    }

    [Fact]
    public void The_same_page_twice_gives_the_same_chart_ids()
    {
        string Page() => PageStyle.Head("p") + EpochChart.Render("a", "loss", [("loss", [1.0, 0.5])], rates: false)
            + EpochChart.Render("b", "loss", [("loss", [2.0, 1.5])], rates: false);
        var first = Page();
        Assert.Contains("id=\"f2_1\"", first);
        Assert.Equal(first, Page());
    }

    [Fact]
    public void Multi_round_attacks_get_a_chart_per_attack_and_others_none()
    {
        MetricRow Row(string attack, string name, double v) => new("t", attack, null, null, "attack-accuracy", name, v);
        var rows = new List<MetricRow>();
        for (var round = 1; round <= 3; round++)
        {
            rows.Add(Row($"ppdg@round-{round}", "acc_top1", 0.2 * round));
            rows.Add(Row($"ppdg@round-{round}", "acc_top1_ci95_low", 0.2 * round - 0.1));
            rows.Add(Row($"ppdg@round-{round}", "acc_top1_ci95_high", 0.2 * round + 0.1));
        }
        rows.Add(Row("gmi", "acc_top1", 0.5));
        var charts = RoundChart.Render(new PointResults("", "/nowhere", rows, null)).ToList();
        var chart = Assert.Single(charts);
        Assert.Contains("ppdg: attack accuracy per round", chart);
        Assert.Empty(RoundChart.Render(new PointResults("", "/nowhere", [Row("gmi", "acc_top1", 0.5)], null)));
    }
}
