using MIForge.Plugins.Data.Formats;

namespace MIForge.Plugins.Data.Faces;

/// <summary>How CelebA's identities are divided into private (the target's classes) and public (the prior's data).</summary>
public static class CelebaSplit
{
    /// <summary>The rule names the <c>split</c> option accepts.</summary>
    public static readonly IReadOnlyList<string> Rules = ["most-images", "lowest-ids", "list"];

    /// <summary>The private identities, in label order (ascending identity number): the <paramref name="count"/> identities
    /// with most images (ties to the lower number), the <paramref name="count"/> lowest numbers, or those in <paramref name="listFile"/>.</summary>
    public static int[] Private(CelebaIdentities identities, string rule, int count, string? listFile)
    {
        var counts = identities.Counts();
        int[] chosen = rule switch
        {
            "most-images" => counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(count).Select(kv => kv.Key).ToArray(),
            "lowest-ids" => counts.Keys.Order().Take(count).ToArray(),
            "list" => ReadList(listFile ?? throw new ArgumentException("celeba: split 'list' needs identityList, a file with one private identity number per line"), counts),
            _ => throw new ArgumentException($"celeba: split is '{rule}'; expected one of {string.Join(", ", Rules)}"),
        };
        if (rule != "list" && chosen.Length < count)
            throw new ArgumentException($"celeba: privateIdentities is {count} but the identity list has only {chosen.Length} identities");
        return chosen.Order().ToArray();
    }

    private static int[] ReadList(string path, IReadOnlyDictionary<int, int> counts)
    {
        if (!File.Exists(path)) throw FileProblem.At(path, "identity list not found; expected one private identity number per line");
        var result = new List<int>();
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var text = line.Split('\t', ' ')[0].Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            if (!int.TryParse(text, out int id))
                throw FileProblem.At(path, $"line {number} is '{text}'; expected an identity number");
            if (!counts.ContainsKey(id))
                throw FileProblem.At(path, $"line {number}: identity {id} has no image in identity_CelebA.txt");
            result.Add(id);
        }
        if (result.Count == 0) throw FileProblem.At(path, "lists no identity");
        if (result.Distinct().Count() != result.Count) throw FileProblem.At(path, "lists an identity twice");
        return result.ToArray();
    }
}
