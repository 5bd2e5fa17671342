using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Sample;

/// <summary>Options of the sample metric: a plain class with defaults, descriptions and ranges.</summary>
public sealed class BrightnessOptions
{
    [Range(0.0, 1.0), Description("Pixels above this value count as bright.")]
    public double Threshold { get; set; } = 0.5;
}

/// <summary>How bright reconstructions are: mean pixel value and the share of bright pixels.</summary>
[Plugin("sample-brightness", "mean brightness of reconstructions (third-party sample)")]
public sealed class Brightness(BrightnessOptions options) : IMetric
{
    public MetricInputs Requires => MetricInputs.Reconstructions;

    public IReadOnlyDictionary<string, double> Compute(MetricContext context)
    {
        using var scope = torch.NewDisposeScope();
        var images = context.Reconstructions!.Images;
        return new Dictionary<string, double>
        {
            ["mean"] = images.mean().ToDouble(),
            ["bright_share"] = images.gt(options.Threshold).to(ScalarType.Float32).mean().ToDouble(),
        };
    }
}
