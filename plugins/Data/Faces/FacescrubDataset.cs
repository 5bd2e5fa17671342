using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using MIForge.Plugins.Data.Datasets;
using MIForge.Plugins.Data.Formats;
using MIForge.Plugins.Data.Images;

namespace MIForge.Plugins.Data.Faces;

/// <summary>Options of <see cref="FacescrubDataset"/>.</summary>
public sealed class FacescrubOptions : FaceOptions
{
    /// <summary>The FaceScrub folder.</summary>
    [Required, Description("FaceScrub folder: actors/faces/<name>/ and actresses/faces/<name>/ (the layout of the MI repositories), or one folder per identity directly under it.")]
    public string? Root { get; set; }
}

/// <summary>FaceScrub face crops, one class per person: the actors' folders, then the actresses', each sorted by name.</summary>
[Plugin("facescrub", "FaceScrub face crops, one folder per identity (actors/faces/*, actresses/faces/*), resized to 64")]
public sealed class FacescrubDataset(FacescrubOptions options, IRunContext? context = null, IProgressReporter? progress = null) : IDataset
{
    /// <summary>The sub-folders holding one folder per person, in label order.</summary>
    public static readonly IReadOnlyList<string> Groups = ["actors/faces", "actresses/faces"];

    /// <summary>Decodes (or reads from the cache) the part's images.</summary>
    public ImageSet Load(DatasetPart part)
    {
        var root = ManifestPath.Resolve(context, options.Root ?? throw new ArgumentException("facescrub: root is required"));
        if (!Directory.Exists(root))
            throw FileProblem.At(root, "FaceScrub folder not found; expected actors/faces/<name>/*.jpg and actresses/faces/<name>/*.jpg (FaceScrub: http://vintage.winklerbros.net/facescrub.html, images fetched with its download script)");
        var groups = Groups.Select(g => Path.Combine(root, g)).Where(Directory.Exists).ToArray();
        var folders = (groups.Length > 0 ? groups : [root]).Select(ImageFolder.Scan).ToArray();
        var names = new List<string>();
        var files = new List<LabelledFile>();
        foreach (var folder in folders)
        {
            int offset = names.Count;
            names.AddRange(folder.Classes);
            files.AddRange(folder.Files.Select(f => f with { Label = f.Label + offset }));
        }
        return FaceParts.Load(files, names.Count, names, options, part, context, progress, "facescrub");
    }
}
