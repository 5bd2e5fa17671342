using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;

namespace MIForge.Host.Manifests;

/// <summary>The manifest's <c>data</c> section.</summary>
public sealed class DataSpec
{
    [Required, Description("The dataset plugin providing train and test images.")]
    public PluginRef<IDataset>? Dataset { get; set; }

    [Description("Which dataset classes are private (target) and public (prior); default: all private, none public.")]
    public SplitSpec? Split { get; set; }

    [Description("A second dataset whose train part is the public data (prior training, attacks' public images), e.g. ffhq or facescrub beside celeba; instead of data.split.public; its images must have the dataset's shape.")]
    public PluginRef<IDataset>? Public { get; set; }

    [Description("Auxiliary out-of-distribution images for defenses that ask for them (BiDO+); its train part is used.")]
    public PluginRef<IDataset>? Auxiliary { get; set; }

    [Range(1, int.MaxValue), Description("Keep at most this many images per part (after the split), for quick runs.")]
    public int? Limit { get; set; }
}

/// <summary>The manifest's <c>data.split</c> section.</summary>
public sealed class SplitSpec
{
    [Required, Description("Dataset class indices the target is trained on, in target-label order.")]
    public List<int> Private { get; set; } = [];

    [Description("Dataset class indices the prior may be trained on; must not overlap private.")]
    public List<int> Public { get; set; } = [];
}
