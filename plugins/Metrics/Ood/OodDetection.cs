using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Metrics.Ood;

/// <summary>Options of <see cref="OodDetection"/>.</summary>
public sealed class OodDetectionOptions
{
    /// <summary>True-positive rate (OOD recall) at which the false-positive rate is read.</summary>
    [Range(0.01, 1.0), Description("OOD recall (true-positive rate) at which the ID false-positive rate is read; 0.95 gives fpr95.")]
    public double TprLevel { get; set; } = 0.95;
}

/// <summary>OOD detection quality of one scorer, OpenOOD's conventions: OOD is the positive class and
/// is detected by low scores. Reports auroc, aupr_in (ID positive, high scores), aupr_out (OOD positive,
/// low scores) and fpr95 (fraction of ID images flagged at the first threshold catching ≥ 95% of OOD).</summary>
[Plugin("ood-detection", "AUROC, AUPR-In, AUPR-Out and FPR@95TPR of an OOD scorer (OpenOOD conventions: OOD positive)")]
public sealed class OodDetection(OodDetectionOptions options) : IMetric
{
    /// <inheritdoc/>
    public MetricInputs Requires => MetricInputs.OodScores;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> Compute(MetricContext context)
    {
        var scores = context.OodScores ?? throw new ArgumentException("ood-detection needs OOD scores", nameof(context));
        return Compute(AsDoubles(scores.InDistribution), AsDoubles(scores.OutOfDistribution), options.TprLevel);
    }

    private static double[] AsDoubles(Tensor scores)
    {
        using var asDouble = scores.to(ScalarType.Float64);
        return asDouble.data<double>().ToArray();
    }

    /// <summary>The four metrics from in-distribution and OOD scores (higher = in-distribution).</summary>
    public static IReadOnlyDictionary<string, double> Compute(double[] inDistribution, double[] outOfDistribution, double tprLevel = 0.95)
    {
        var oodPositive = new ThresholdSweep(outOfDistribution.Select(s => -s).ToArray(), inDistribution.Select(s => -s).ToArray());
        var idPositive = new ThresholdSweep(inDistribution, outOfDistribution);
        return new Dictionary<string, double>
        {
            ["auroc"] = RankingMetrics.Auroc(oodPositive),
            ["aupr_in"] = RankingMetrics.Aupr(idPositive),
            ["aupr_out"] = RankingMetrics.Aupr(oodPositive),
            [FprName(tprLevel)] = RankingMetrics.FprAtTpr(oodPositive, tprLevel),
        };
    }

    /// <summary>"fpr95" for 0.95, "fpr90" for 0.9, "fpr99.5" for 0.995.</summary>
    public static string FprName(double tprLevel) => "fpr" + (tprLevel * 100).ToString("0.##", CultureInfo.InvariantCulture);
}
