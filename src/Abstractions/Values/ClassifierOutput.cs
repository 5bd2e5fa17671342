using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Abstractions;

/// <summary>What a classifier computes for a batch. Owns its tensors.</summary>
/// <param name="Logits">[N, classes] unnormalised scores.</param>
/// <param name="Features">[N, d] penultimate-layer features (input of the last linear layer).</param>
/// <param name="Hidden">Named hidden-block activations in forward order, each [N, ...]; what
/// BiDO regularises. May be empty.</param>
public sealed record ClassifierOutput(
    torch.Tensor Logits,
    torch.Tensor Features,
    IReadOnlyList<KeyValuePair<string, torch.Tensor>> Hidden) : IDisposable
{
    /// <summary>Disposes logits, features and hidden activations (each once).</summary>
    public void Dispose()
    {
        var seen = new HashSet<torch.Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var t in Hidden.Select(h => h.Value).Prepend(Features).Prepend(Logits))
            if (seen.Add(t)) t.Dispose();
    }
}
