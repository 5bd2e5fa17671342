namespace MIForge.Host.Reports.Charts;

/// <summary>The ROC curve of OOD detection with ood-detection's conventions: OOD is the positive
/// class and is flagged by low scores. Points (false-positive rate on in-distribution, true-positive
/// rate on OOD) for every threshold, from (0, 0) to (1, 1).</summary>
public static class RocCurve
{
    public static (double[] Fpr, double[] Tpr, double Auc) Of(float[] inside, float[] outside)
    {
        var scored = inside.Where(float.IsFinite).Select(s => (Score: (double)s, Ood: false))
            .Concat(outside.Where(float.IsFinite).Select(s => (Score: (double)s, Ood: true)))
            .OrderBy(p => p.Score).ToArray();
        int positives = scored.Count(p => p.Ood), negatives = scored.Length - positives;
        var fpr = new List<double> { 0 };
        var tpr = new List<double> { 0 };
        if (positives == 0 || negatives == 0) return ([0, 1], [0, 1], double.NaN);
        int tp = 0, fp = 0;
        for (var i = 0; i < scored.Length; i++)
        {
            if (scored[i].Ood) tp++; else fp++;
            if (i + 1 < scored.Length && scored[i + 1].Score == scored[i].Score) continue;
            fpr.Add((double)fp / negatives);
            tpr.Add((double)tp / positives);
        }
        var auc = 0.0;
        for (var i = 1; i < fpr.Count; i++) auc += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        return (fpr.ToArray(), tpr.ToArray(), auc);
    }
}
