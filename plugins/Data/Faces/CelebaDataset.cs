using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using MIForge.Plugins.Data.Datasets;
using MIForge.Plugins.Data.Formats;
using MIForge.Plugins.Data.Images;

namespace MIForge.Plugins.Data.Faces;

/// <summary>Options of <see cref="CelebaDataset"/>.</summary>
public sealed class CelebaOptions : FaceOptions
{
    /// <summary>The CelebA folder.</summary>
    [Required, Description("CelebA folder holding img_align_celeba/ (the aligned 178×218 JPEGs) and identity_CelebA.txt.")]
    public string? Root { get; set; }

    /// <summary>Image folder, relative to Root.</summary>
    [Description("Folder of the aligned JPEGs, relative to root.")]
    public string Images { get; set; } = "img_align_celeba";

    /// <summary>Identity list, relative to Root.</summary>
    [Description("CelebA's identity annotation file, relative to root.")]
    public string Identities { get; set; } = "identity_CelebA.txt";

    /// <summary>How private identities are chosen.</summary>
    [Description("How the private identities are chosen: most-images (the privateIdentities identities with most images, ties to the lower number), lowest-ids, or list (identityList).")]
    public string Split { get; set; } = "most-images";

    /// <summary>Number of private identities.</summary>
    [Range(1, 20000), Description("Number of private identities (classes 0..n-1, in ascending identity number). GMI, KED-MI and PPDG-MI use 1000.")]
    public int PrivateIdentities { get; set; } = 1000;

    /// <summary>File of private identity numbers for split = list.</summary>
    [Description("With split = list: a file with one private identity number per line (e.g. the identities of a paper's trainset list).")]
    public string? IdentityList { get; set; }

    /// <summary>How the other identities are delivered.</summary>
    [Description("The non-private identities: pooled (one class after the private ones, for priors trained on unlabelled public faces), identities (one class each), or none.")]
    public string Public { get; set; } = "pooled";

    /// <summary>At most this many public images.</summary>
    [Range(1, int.MaxValue), Description("Keep at most this many public images (the first in file order). Default: all.")]
    public int? PublicLimit { get; set; }

    /// <summary>GMI's crop by default.</summary>
    public CelebaOptions() => Crop = 108;
}

/// <summary>CelebA's aligned faces by identity, with GMI's preprocessing (centre crop 108, resize to 64) and the
/// private / public identity split of GMI, KED-MI and PPDG-MI. Classes 0..n-1 are the private identities; the public
/// ones follow (pooled into one class by default). The split is written as celeba-identities.tsv into the folder the host gives the dataset (the run folder).</summary>
[Plugin("celeba", "CelebA aligned faces (img_align_celeba + identity_CelebA.txt), GMI crop 108 → 64, 1000 private identities, the rest public")]
public sealed class CelebaDataset(CelebaOptions options, IRunContext? context = null, IProgressReporter? progress = null) : IDataset, IDescribedDataset
{
    /// <inheritdoc/>
    public DatasetFacts Describe()
    {
        CheckChoices();
        if (options.Public != "identities") return options.FaceFacts(options.PrivateIdentities + (options.Public == "pooled" ? 1 : 0));
        return options.FaceFacts(Layout().Names.Count);
    }

    /// <summary>Decodes (or reads from the cache) the part's images.</summary>
    public ImageSet Load(DatasetPart part)
    {
        var (files, names, rows) = Layout();
        if (context is not null)
        {
            Directory.CreateDirectory(context.StageDirectory);
            File.WriteAllLines(Path.Combine(context.StageDirectory, "celeba-identities.tsv"), ["identity\tlabel\tpart", .. rows]);
        }
        return FaceParts.Load(files, names.Count, names, options, part, context, progress, "celeba");
    }

    private (IReadOnlyList<LabelledFile> Files, IReadOnlyList<string> Names, IReadOnlyList<string> Rows) Layout()
    {
        CheckChoices();
        var root = ManifestPath.Resolve(context, options.Root ?? throw new ArgumentException("celeba: root is required"));
        if (!Directory.Exists(root))
            throw FileProblem.At(root, $"CelebA folder not found; expected it to hold {options.Images}/ and {options.Identities}, from {CelebaIdentities.Source}");
        var identities = CelebaIdentities.Read(Path.Combine(root, options.Identities));
        var privateIds = CelebaSplit.Private(identities, options.Split, options.PrivateIdentities,
            options.IdentityList is null ? null : ManifestPath.Resolve(context, options.IdentityList));
        var labels = new Dictionary<int, int>();
        var names = new List<string>();
        var rows = new List<string>();
        foreach (var id in privateIds) { labels[id] = names.Count; rows.Add($"{id}\t{names.Count}\tprivate"); names.Add(id.ToString()); }
        var publicIds = identities.Counts().Keys.Where(id => !labels.ContainsKey(id)).Order().ToArray();
        if (options.Public == "pooled") names.Add("public");
        foreach (var id in publicIds)
        {
            if (options.Public == "none") { rows.Add($"{id}\t\tunused"); continue; }
            int label = options.Public == "pooled" ? privateIds.Length : names.Count;
            if (options.Public == "identities") names.Add(id.ToString());
            labels[id] = label;
            rows.Add($"{id}\t{label}\tpublic");
        }
        var folder = Path.Combine(root, options.Images);
        if (!Directory.Exists(folder))
            throw FileProblem.At(folder, $"image folder not found; expected the aligned JPEGs of {CelebaIdentities.Source}, unpacked into {root}");
        var files = new List<LabelledFile>();
        int publicCount = 0;
        foreach (var (image, id) in identities.Entries)
        {
            if (!labels.TryGetValue(id, out int label)) continue;
            if (label >= privateIds.Length && options.PublicLimit is int limit && publicCount++ >= limit) continue;
            files.Add(new LabelledFile(Path.Combine(folder, image), label));
        }
        if (files.Count > 0 && !File.Exists(files[0].Path))
            throw FileProblem.At(files[0].Path, $"listed in {options.Identities} but missing; expected the aligned JPEGs of {CelebaIdentities.Source}");
        return (files, names, rows);
    }

    private void CheckChoices()
    {
        if (!CelebaSplit.Rules.Contains(options.Split))
            throw new ArgumentException($"celeba: split is '{options.Split}'; expected one of {string.Join(", ", CelebaSplit.Rules)}");
        if (options.Public is not ("pooled" or "identities" or "none"))
            throw new ArgumentException($"celeba: public is '{options.Public}'; expected pooled, identities or none");
    }
}
