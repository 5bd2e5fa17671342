namespace MIForge.Host.Reports.Tables;

/// <summary>Plain sentences on whether a defended target's top-1 attack accuracy differs from the
/// baseline's (the first target without a defense, else the first target) beyond sampling noise:
/// when the two 95% intervals overlap, the difference is called within noise.</summary>
public static class NoiseNotes
{
    public static IEnumerable<string> Of(PointResults point, IReadOnlyList<string> targets, IReadOnlyList<string> attacks)
    {
        if (targets.Count < 2) yield break;
        var baseline = targets.FirstOrDefault(t => SummaryTable.TargetSettings(point, t)?["defense"] is null or { Type: Newtonsoft.Json.Linq.JTokenType.Null }) ?? targets[0];
        foreach (var attack in attacks)
        {
            if (Interval(point, baseline, attack) is not { } b) continue;
            foreach (var t in targets.Where(t => t != baseline))
            {
                if (Interval(point, t, attack) is not { } d) continue;
                var verdict = d.Low <= b.High && b.Low <= d.High
                    ? "the 95% intervals overlap: the difference is within noise at this number of reconstructions"
                    : d.Value < b.Value ? "the 95% intervals do not overlap: the defense lowers attack accuracy beyond noise"
                    : "the 95% intervals do not overlap: the defended target is more vulnerable, beyond noise";
                yield return $"{attack}: {t} {CellFormat.Percent(d.Value)} vs {baseline} {CellFormat.Percent(b.Value)} ({CellFormat.Points(d.Value - b.Value)}); {verdict}.";
            }
        }
    }

    private static (double Value, double Low, double High)? Interval(PointResults point, string target, string attack) =>
        point.Value(target, attack, "attack-accuracy", "acc_top1") is { } v
        && point.Value(target, attack, "attack-accuracy", "acc_top1_ci95_low") is { } l
        && point.Value(target, attack, "attack-accuracy", "acc_top1_ci95_high") is { } h
            ? (v, l, h) : null;
}
