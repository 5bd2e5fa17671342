using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace MIForge.Plugins.Priors.Training;

/// <summary>Options every DCGAN-style prior here shares; defaults are GMI's (Zhang et al. 2020).</summary>
public class GanOptions
{
    /// <summary>Length of the latent vector z.</summary>
    [Description("length of the latent vector z (GMI: 100)")]
    [Range(1, 4096)]
    public int LatentDim { get; set; } = 100;

    /// <summary>Channels of the first critic layer and last generator layer; deeper layers double it.</summary>
    [Description("channels of the outermost layers; deeper layers double it (GMI: 64)")]
    [Range(4, 1024)]
    public int Width { get; set; } = 64;

    /// <summary>Passes over the public data; ignored when the caller asks for a number of steps.</summary>
    [Description("passes over the public data (a step is one discriminator update on one batch)")]
    [Range(0, 100000)]
    public int Epochs { get; set; } = 20;

    /// <summary>Images per batch.</summary>
    [Description("images per batch")]
    [Range(2, 4096)]
    public int BatchSize { get; set; } = 64;

    /// <summary>Adam learning rate for both networks.</summary>
    [Description("Adam learning rate of generator and discriminator")]
    [Range(0.0, 1.0)]
    public double LearningRate { get; set; } = 2e-4;

    /// <summary>Adam β1.</summary>
    [Description("Adam beta1")]
    [Range(0.0, 1.0)]
    public double Beta1 { get; set; } = 0.5;

    /// <summary>Adam β2.</summary>
    [Description("Adam beta2")]
    [Range(0.0, 1.0)]
    public double Beta2 { get; set; } = 0.999;

    /// <summary>Discriminator updates per generator update (n_critic).</summary>
    [Description("discriminator updates per generator update (n_critic)")]
    [Range(1, 100)]
    public int CriticSteps { get; set; } = 5;

    /// <summary>A prior folder (e.g. from <c>miforge checkpoint import --prior</c>) to start from; null starts untrained.</summary>
    [Description("a prior folder to start from, e.g. GMI's or KED-MI's published generator and discriminator imported with `miforge checkpoint import --prior`; with epochs 0 it is used as is")]
    public string? Checkpoint { get; set; }

    /// <summary>Write a sample grid per epoch and losses.csv into the stage folder.</summary>
    [Description("write samples/epoch-NNN.png and losses.csv into the stage folder")]
    public bool WriteSamples { get; set; } = true;
}
