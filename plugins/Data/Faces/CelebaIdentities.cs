using MIForge.Plugins.Data.Formats;

namespace MIForge.Plugins.Data.Faces;

/// <summary>CelebA's <c>identity_CelebA.txt</c>: one line "&lt;image&gt;.jpg &lt;identity&gt;" per aligned image,
/// identities numbered from 1. Files are kept in the order the list gives them (sorted by image name).</summary>
public sealed record CelebaIdentities(IReadOnlyList<(string Image, int Identity)> Entries)
{
    /// <summary>Where the list and the images come from, for errors about missing files.</summary>
    public const string Source = "CelebA (https://mmlab.ie.cuhk.edu.hk/projects/CelebA.html): 'Align&Cropped Images' img_align_celeba.zip and Anno/identity_CelebA.txt";

    /// <summary>Parses the list; a malformed line is an error naming the file and line.</summary>
    public static CelebaIdentities Read(string path)
    {
        if (!File.Exists(path))
            throw FileProblem.At(path, $"identity list not found; expected the file identity_CelebA.txt from {Source}, placed in data.dataset.options.root (or named by the 'identities' option)");
        var entries = new List<(string, int)>();
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !int.TryParse(parts[1], out int identity) || identity < 0)
                throw FileProblem.At(path, $"line {number} is '{Shorten(line)}'; expected '<image>.jpg <identity number>'");
            entries.Add((parts[0], identity));
        }
        if (entries.Count == 0) throw FileProblem.At(path, "is empty; expected one '<image>.jpg <identity>' line per image");
        entries.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return new CelebaIdentities(entries);
    }

    /// <summary>Images per identity.</summary>
    public IReadOnlyDictionary<int, int> Counts()
        => Entries.GroupBy(e => e.Identity).ToDictionary(g => g.Key, g => g.Count());

    private static string Shorten(string line) => line.Length > 60 ? line[..60] + "…" : line;
}
