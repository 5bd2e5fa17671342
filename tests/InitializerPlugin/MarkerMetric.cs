using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;

namespace Sample.Initializer;

/// <summary>How <see cref="MarkerMetric"/> reports.</summary>
public enum MarkerMode
{
    Plain,
    StrictCount,
}

/// <summary>Options with every kind of field a schema read from metadata must tell: number with a range,
/// enum, list, nullable integer, plugin reference, required string.</summary>
public sealed class MarkerOptions
{
    [Range(0.0, 1.0), Description("A share between 0 and 1.")]
    public double Threshold { get; set; } = 0.5;

    [Description("How the metric reports.")]
    public MarkerMode Mode { get; set; } = MarkerMode.Plain;

    [Description("Classes to count.")]
    public List<int> Classes { get; set; } = [];

    [Range(1, 100), Description("An optional cap.")]
    public int? Cap { get; set; }

    [Description("Another metric, by name or {name, options}.")]
    public PluginRef<IMetric>? Inner { get; set; }

    [Required, Description("A label for the rows.")]
    public string Label { get; set; } = "";
}

/// <summary>Reports its threshold: the point is only whether its code runs.</summary>
[Plugin("init-marker", "leaves a file when its module initializer runs (trust test)")]
public sealed class MarkerMetric(MarkerOptions options) : IMetric
{
    public MetricInputs Requires => MetricInputs.None;

    public IReadOnlyDictionary<string, double> Compute(MetricContext context) =>
        new Dictionary<string, double> { ["threshold"] = options.Threshold };
}

/// <summary>A model that takes no image shape at all, so the shape probe fails for it.</summary>
[Plugin("picky-model", "refuses every input shape (trust test)")]
public sealed class PickyModel : IModelArchitecture
{
    public IClassifier Create(ImageShape input, int classCount) =>
        throw new ArgumentException($"picky-model takes no {input.Channels}×{input.Height}×{input.Width} images");
}
