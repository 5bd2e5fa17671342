namespace MIForge.Abstractions;

/// <summary>Where a multi-round attack (PPDG-MI) leaves each round's reconstructions in its stage folder:
/// <c>rounds/round-N.safetensors</c>, in the layout of the stage's reconstructions (images, classes,
/// latents); the host computes the attack metrics of every round from them.</summary>
public static class AttackRounds
{
    /// <summary>The folder under the stage folder holding the round files.</summary>
    public const string Folder = "rounds";

    /// <summary>The file of round <paramref name="round"/> under <paramref name="stageDirectory"/>.</summary>
    public static string PathOf(string stageDirectory, int round) => Path.Combine(stageDirectory, Folder, $"round-{round}.safetensors");

    /// <summary>The round files under <paramref name="stageDirectory"/>, by round; none when there is no rounds folder.</summary>
    public static IReadOnlyList<(int Round, string Path)> In(string stageDirectory)
    {
        var folder = Path.Combine(stageDirectory, Folder);
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, "round-*.safetensors")
            .Select(f => (Round: int.TryParse(Path.GetFileNameWithoutExtension(f)["round-".Length..], out var n) ? n : -1, Path: f))
            .Where(r => r.Round >= 0).OrderBy(r => r.Round).ToArray();
    }
}
