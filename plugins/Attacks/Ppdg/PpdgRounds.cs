using MIForge.Abstractions;
using TorchSharp;
using MIForge.Numerics.Serialization;
using static TorchSharp.torch;

namespace MIForge.Plugins.Attacks.Ppdg;

/// <summary>Each round's reconstructions over all class batches, written as
/// <c>rounds/round-N.safetensors</c> (images, classes, latents: the layout of the attack stage's
/// reconstructions.safetensors) so the host computes the attack metrics of every round. Owns its tensors.</summary>
public sealed class PpdgRounds(int count) : IDisposable
{
    private readonly List<Reconstructions>[] parts = Enumerable.Range(0, count).Select(_ => new List<Reconstructions>()).ToArray();

    /// <summary>Number of rounds, the base attack's included.</summary>
    public int Count => parts.Length;

    /// <summary>The file of round <paramref name="round"/> under <paramref name="stageDirectory"/> (<see cref="AttackRounds"/>).</summary>
    public static string PathOf(string stageDirectory, int round) => AttackRounds.PathOf(stageDirectory, round);

    /// <summary>Adds one class batch's reconstructions to round <paramref name="round"/>; takes ownership.</summary>
    public void Add(int round, Reconstructions reconstructions) => parts[round].Add(reconstructions);

    /// <summary>Round <paramref name="round"/> over all batches, in batch order; the caller owns the result.</summary>
    public Reconstructions Of(int round)
    {
        var list = parts[round];
        var latents = list.All(r => r.Latents is not null) ? cat(list.Select(r => r.Latents!).ToArray(), 0).DetachFromDisposeScope() : null;
        return new Reconstructions(cat(list.Select(r => r.Images).ToArray(), 0).DetachFromDisposeScope(),
            cat(list.Select(r => r.Classes).ToArray(), 0).DetachFromDisposeScope(), latents);
    }

    /// <summary>Writes every round's file under <paramref name="stageDirectory"/>.</summary>
    public void Write(string stageDirectory)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(stageDirectory, AttackRounds.Folder));
        for (var round = 0; round < Count; round++)
        {
            using var scope = NewDisposeScope();
            using var r = Of(round);
            var tensors = new Dictionary<string, Tensor> { ["images"] = r.Images.detach().cpu().contiguous(), ["classes"] = r.Classes.cpu().contiguous() };
            if (r.Latents is { } z) tensors["latents"] = z.detach().cpu().contiguous();
            SafeTensors.Save(PathOf(stageDirectory, round), tensors,
                new Dictionary<string, string> { ["producer"] = "MIForge", ["kind"] = "reconstructions", ["round"] = round.ToString() });
        }
    }

    /// <summary>Disposes every stored batch.</summary>
    public void Dispose()
    {
        foreach (var r in parts.SelectMany(p => p)) r.Dispose();
    }
}
