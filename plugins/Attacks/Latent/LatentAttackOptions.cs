using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Plugins.Attacks.Lomma;

namespace MIForge.Plugins.Attacks.Latent;

/// <summary>Options every latent-space attack here shares: loss = −E realness + λ·identity loss.</summary>
public class LatentAttackOptions
{
    /// <summary>Optimisation steps per class batch (and per restart).</summary>
    [Description("optimisation steps per class batch and restart (papers: 1500–3000)")]
    [Range(1, 1000000)]
    public int Iterations { get; set; } = 1500;

    /// <summary>Weight λ of the identity loss against the prior's realness.</summary>
    [Description("weight of the identity loss against the prior's realness term (GMI: 100)")]
    [Range(0.0, 1e6)]
    public double Lambda { get; set; } = 100;

    /// <summary>Learning rate of the latent optimiser.</summary>
    [Description("learning rate of the latent optimiser (GMI, KED-MI: 0.02)")]
    [Range(0.0, 100.0)]
    public double LearningRate { get; set; } = 0.02;

    /// <summary>Latents are clamped to [−clip, clip] (0 = no clamp).</summary>
    [Description("latents are clamped to [-clip, clip]; 0 disables (GMI, KED-MI: 1)")]
    [Range(0.0, 100.0)]
    public double Clip { get; set; } = 1;

    /// <summary>Target classes optimised together in one batch.</summary>
    [Description("target classes optimised together in one batch")]
    [Range(1, 100000)]
    public int ClassBatch { get; set; } = 10;

    /// <summary>LOMMA's logit loss and model augmentation.</summary>
    [Description("LOMMA: logit loss and model augmentation with distilled surrogates")]
    public LommaOptions Lomma { get; set; } = new();

    /// <summary>A copy of these options (of the same type) with <paramref name="lomma"/> as its LOMMA settings.</summary>
    public LatentAttackOptions WithLomma(LommaOptions lomma)
    {
        var copy = (LatentAttackOptions)MemberwiseClone();
        copy.Lomma = lomma;
        return copy;
    }
}
