using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;

namespace MIForge.Plugins.Attacks.Ppdg;

/// <summary>Options of the <c>ppdg</c> attack; defaults follow PPDG-MI's low-resolution setting (Peng et al. 2024).</summary>
public sealed class PpdgOptions : IValidatableOptions
{
    /// <summary>The attack whose prior is tuned; any attack taking a prior.</summary>
    [Description("the base attack run in every round with the (tuned) prior: gmi, kedmi, lomma or any attack that inverts through the request's prior")]
    public PluginRef<IAttack> Attack { get; set; } = new("gmi");

    /// <summary>Tune-and-re-attack rounds after the base attack (round 0).</summary>
    [Description("tune-and-re-attack rounds after the base attack (round 0); cost grows linearly: rounds × (tuning + attack). PPDG-MI's num_round counts attacks, i.e. rounds + 1")]
    [Range(0, 100)]
    public int Rounds { get; set; } = 2;

    /// <summary>Candidates the base attack makes per class each round (at least the reconstructions asked for).</summary>
    [Description("candidates the base attack makes per class each round; 0 = the reconstructions asked for (perClass). The best perClass by score are the round's reconstructions")]
    [Range(0, 100000)]
    public int Candidates { get; set; }

    /// <summary>Best-scoring candidates per class kept as pseudo-private data.</summary>
    [Description("best-scoring candidates per class kept as pseudo-private data for tuning; at most candidates when that is set (0: capped at perClass)")]
    [Range(1, 100000)]
    public int TopK { get; set; } = 50;

    /// <summary>Random augmentations a candidate's score is averaged over.</summary>
    [Description("random augmentations (crop 80–100%, flip, ±5°, colour jitter) the target's mean class probability is averaged over (PPDG-MI: 100)")]
    [Range(1, 10000)]
    public int Augmentations { get; set; } = 100;

    /// <summary>Probability of the horizontal flip among the scoring augmentations.</summary>
    [Description("probability of the horizontal flip among the scoring augmentations (PPDG-MI: 0.5; 0 for images whose mirror image is another class)")]
    [Range(0.0, 1.0)]
    public double FlipProbability { get; set; } = 0.5;

    /// <summary>How the prior is tuned.</summary>
    [Description("gan: continue GAN training on public + pseudo-private images (low-resolution PPDG-MI); point-wise / mmd: additionally pull target features of generated images near the pseudo-private latents toward theirs (point-wise squared distance or Gaussian-kernel MMD)")]
    public PpdgTuning Tuning { get; set; } = PpdgTuning.Gan;

    /// <summary>Training steps of each tuning (discriminator updates; the generator steps every n_critic of them).</summary>
    [Description("steps of each tuning: discriminator updates with the prior's own Adam (2e-4) and n_critic (5); PPDG-MI's low-resolution code tunes 10 epochs over public + pseudo-private data, i.e. 10·(public + k)/batch steps")]
    [Range(1, 10000000)]
    public int TuneSteps { get; set; } = 300;

    /// <summary>Share of the tuning images that are pseudo-private, reached by repeating them.</summary>
    [Description("share of the tuning data made of pseudo-private images, reached by repeating them; 0 = each once among all public images (PPDG-MI's code, which tunes 10 epochs). With a few hundred tuning steps and thousands of public images, each pseudo-private image is otherwise drawn less than once")]
    [Range(0.0, 0.95)]
    public double PseudoPrivateShare { get; set; }

    /// <summary>Target classes sharing one tuned prior.</summary>
    [Description("target classes tuned together: the prior is reset from the original for each batch of this many classes. 1 (PPDG-MI) tunes per class; larger batches divide the tuning cost by the batch size but pull one prior toward several classes")]
    [Range(1, 100000)]
    public int ClassBatch { get; set; } = 1;

    /// <summary>Weight of the distance term of the pointWise and mmd variants.</summary>
    [Description("weight of the feature distance (point-wise, mmd) added to the generator's loss")]
    [Range(0.0, 1e6)]
    public double DistanceWeight { get; set; } = 1;

    /// <summary>Standard deviation of the latent neighbourhood sampled around pseudo-private latents.</summary>
    [Description("point-wise, mmd: standard deviation of the noise added to pseudo-private latents to sample their neighbourhood")]
    [Range(0.0, 10.0)]
    public double Neighbourhood { get; set; } = 0.1;

    /// <inheritdoc/>
    public IEnumerable<OptionFailure> Validate()
    {
        if (Candidates > 0 && TopK > Candidates)
            yield return new("topK", $"topK ({TopK}) exceeds candidates ({Candidates}): only the candidates can be kept; expected topK ≤ candidates, or candidates 0 (the reconstructions asked for)");
    }
}
