using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Plugins.Priors.Training;

namespace MIForge.Plugins.Priors.KedMi;

/// <summary>Options of the <c>kedmi-gan</c> prior; defaults are KED-MI's (Chen et al. 2021).</summary>
public sealed class KedMiGanOptions : GanOptions
{
    /// <summary>Weight of the entropy of the discriminator's class prediction on generated images.</summary>
    [Description("weight of the entropy of the discriminator's class prediction on generated images (KED-MI: 1e-4, summed over the batch)")]
    [Range(0.0, 100.0)]
    public double EntropyWeight { get; set; } = 1e-4;

    /// <summary>Minibatch-discrimination features B (0 leaves the layer out).</summary>
    [Description("minibatch-discrimination features added before the class head (KED-MI: 64; 0 = none)")]
    [Range(0, 1024)]
    public int MinibatchFeatures { get; set; } = 64;

    /// <summary>Minibatch-discrimination kernel dimension C.</summary>
    [Description("minibatch-discrimination kernel dimension (KED-MI: 50)")]
    [Range(1, 1024)]
    public int MinibatchKernelDims { get; set; } = 50;

    /// <summary>The discriminator's trunk: "gmi" (GMI's critic body) or "kedmi" (KED-MI's reference code).</summary>
    [Description("discriminator trunk: gmi (GMI's critic body, 5×5 convolutions doubling the channels) or kedmi (KED-MI's reference code: last layer 3×3 keeping the channels), the one its published discriminators need")]
    [AllowedValues("gmi", "kedmi")]
    public string Layout { get; set; } = "gmi";
}
