using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;

namespace MIForge.Host.Manifests;

/// <summary>One entry of <c>attacks</c>.</summary>
public sealed class AttackSpec
{
    [Description("Name used in stage folders and metrics; default: the attack's name.")]
    public string? Id { get; set; }

    [Required, Description("The attack plugin.")]
    public PluginRef<IAttack>? Attack { get; set; }

    [Description("The prior this attack inverts through (e.g. kedmi-gan for kedmi); default: the manifest's prior.")]
    public PluginRef<IPrior>? Prior { get; set; }

    [Description("What the attack may see of the target.")]
    public TargetAccess Access { get; set; } = TargetAccess.WhiteBox;

    [Description("Target labels to invert; default: all private classes.")]
    public List<int>? Classes { get; set; }

    [Range(1, 100_000), Description("Reconstructions per class.")]
    public int PerClass { get; set; } = 1;

    [Range(1L, long.MaxValue), Description("Most images the attack may send to the target; default: no limit.")]
    public long? QueryBudget { get; set; }

    [Description("Target ids to attack; default: every target.")]
    public List<string>? Targets { get; set; }

    [Description("Id of an attack whose random draws this one repeats against each target (same starting latents), for paired comparisons such as ppdg against its base attack; default: its own id.")]
    public string? SeedAs { get; set; }
}
