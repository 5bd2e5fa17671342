using MIForge.Abstractions;
using MIForge.Numerics.Serialization;

namespace MIForge.Host.Stages;

/// <summary>A finished attack stage: the file of its final reconstructions, each round's file (multi-round
/// attacks such as ppdg, by round), and the facts it recorded.</summary>
public sealed record AttackResult(string Final, IReadOnlyList<(int Round, string Path)> Rounds, AttackFacts Facts)
{
    /// <summary>The final reconstructions; the caller owns them.</summary>
    public Reconstructions LoadFinal() => Load(Final);

    /// <summary>Reconstructions from a file in the layout of an attack stage's (images, classes, optional latents); the caller owns them.</summary>
    public static Reconstructions Load(string path)
    {
        var (tensors, _) = SafeTensors.Load(path);
        return new Reconstructions(tensors["images"], tensors["classes"], tensors.GetValueOrDefault("latents"));
    }

    /// <summary>The result of attack stage <paramref name="stageId"/> in <paramref name="directory"/>; its reconstructions and facts must be there.</summary>
    public static AttackResult Open(string stageId, string directory)
    {
        var final = Path.Combine(directory, StageLayout.Reconstructions);
        var facts = Path.Combine(directory, StageLayout.AttackFacts);
        foreach (var file in new[] { final, facts })
            if (!File.Exists(file)) throw new InvalidDataException($"stage '{stageId}': {file} is missing; run it again (--force {stageId})");
        return new AttackResult(final, AttackRounds.In(directory), AttackFacts.Read(facts));
    }
}
