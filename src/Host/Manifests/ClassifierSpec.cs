using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;

namespace MIForge.Host.Manifests;

/// <summary>A classifier to train: the evaluator, or the base of a target.</summary>
public class ClassifierSpec
{
    [Required, Description("The architecture plugin.")]
    public PluginRef<IModelArchitecture>? Model { get; set; }

    [Description("How it is trained.")]
    public TrainingSpec Training { get; set; } = new();

    [Description("A trained checkpoint to use instead of training: a folder written by `miforge checkpoint import` (or a stage folder), or its model.safetensors; relative to the manifest. Its state must fit the model, the input shape and the class count.")]
    public string? Checkpoint { get; set; }
}

/// <summary>One entry of <c>targets</c>.</summary>
public sealed class TargetSpec : ClassifierSpec
{
    [Description("Name used in stage folders and metrics; default: the model name, plus '-' and the defense name.")]
    public string? Id { get; set; }

    [Description("The training objective; omitted means plain cross-entropy.")]
    public PluginRef<IDefense>? Defense { get; set; }
}
