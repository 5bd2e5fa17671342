using MIForge.Abstractions;
using TorchSharp;

namespace MIForge.Plugins.Defenses.Plain;

/// <summary>No defense: the objective is the batch's cross-entropy, logged as "ce". Lets an
/// undefended target sit in a sweep over defenses.</summary>
[Plugin("none", "no defense: plain cross-entropy")]
public sealed class NoDefense : IDefense
{
    /// <summary>The batch's cross-entropy, unchanged.</summary>
    public DefenseLoss Loss(DefenseBatch batch) =>
        new(batch.CrossEntropy, new Dictionary<string, double> { ["ce"] = batch.CrossEntropy.ToDouble() });
}
