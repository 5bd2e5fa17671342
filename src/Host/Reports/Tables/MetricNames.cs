namespace MIForge.Host.Reports.Tables;

/// <summary>Readable names of metric rows ("attack-accuracy.acc_top1" → "Top-1 attack accuracy") and
/// whether a value is a rate (shown as a percentage). Unknown metrics keep their key.</summary>
public static class MetricNames
{
    private static readonly Dictionary<string, (string Label, bool Rate)> Known = new(StringComparer.Ordinal)
    {
        ["host.test_acc"] = ("Natural accuracy", true),
        ["attack-accuracy.acc_top1"] = ("Top-1 attack accuracy", true),
        ["attack-accuracy.acc_top5"] = ("Top-5 attack accuracy", true),
        ["attack-accuracy.top1_outside_private"] = ("Top-1 outside private classes", true),
        ["knn-distance.knn_dist"] = ("KNN distance", false),
        ["evaluator-fid.evaluator_fid"] = ("FID (evaluator features)", false),
        ["ood-detection.auroc"] = ("AUROC", true),
        ["ood-detection.aupr_in"] = ("AUPR-In", true),
        ["ood-detection.aupr_out"] = ("AUPR-Out", true),
    };

    /// <summary>The readable name of metric.name.</summary>
    public static string Label(string metric, string name) =>
        Known.TryGetValue($"{metric}.{name}", out var k) ? k.Label
        : metric == "ood-detection" && name.StartsWith("fpr", StringComparison.Ordinal) ? $"FPR at {name[3..]}% TPR"
        : $"{metric}.{name}";

    /// <summary>True for values in [0, 1] read as percentages.</summary>
    public static bool IsRate(string metric, string name) =>
        Known.TryGetValue($"{metric}.{name}", out var k) ? k.Rate
        : metric == "ood-detection" || name.StartsWith("acc_", StringComparison.Ordinal);

    /// <summary>The value formatted as its kind is read.</summary>
    public static string Format(string metric, string name, double value) =>
        IsRate(metric, name) ? CellFormat.Percent(value) : CellFormat.Number(value);

    /// <summary>Rows a reader compares: not per-class values and not interval bounds (they go with their value).</summary>
    public static bool IsHeadline(string name) => !name.Contains("_class_", StringComparison.Ordinal) && !name.Contains("_ci95_", StringComparison.Ordinal);
}
