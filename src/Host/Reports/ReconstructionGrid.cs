using System.Net;
using System.Text;
using MIForge.Numerics.Serialization;
using static TorchSharp.torch;

namespace MIForge.Host.Reports;

/// <summary>A grid PNG (one row per class, 2-pixel gaps, as ImageGrid writes it) embedded in the page,
/// upscaled nearest-neighbour to tiles of about 96 pixels, with each row's class label at its left.</summary>
public static class ReconstructionGrid
{
    private const int Gap = 2;
    private const int TargetTile = 96;

    /// <summary>The labelled grid, or empty when the PNG or its classes cannot be read.</summary>
    public static string Html(byte[] png, IReadOnlyList<long> rowClasses)
    {
        if (png.Length < 24 || rowClasses.Count == 0) return "";
        int width = BigEndian(png, 16), height = BigEndian(png, 20);
        var tile = (height - Gap) / rowClasses.Count - Gap;
        if (tile <= 0) return "";
        var scale = Math.Max(1, TargetTile / tile);
        var sb = new StringBuilder("<div class=grid><div class=rows style='padding-top:").Append(Gap * scale).Append("px'>");
        foreach (var c in rowClasses)
            sb.Append("<div style='height:").Append((tile + Gap) * scale).Append("px;line-height:").Append(tile * scale).Append("px'>class ").Append(c).Append("</div>");
        sb.Append("</div><img alt='reconstructions, one row per class' width=").Append(width * scale).Append(" height=").Append(height * scale)
          .Append(" src='data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("'></div>");
        return sb.ToString();
    }

    /// <summary>The classes of a reconstructions file, distinct and sorted: the grid's rows.</summary>
    public static IReadOnlyList<long> RowClasses(string reconstructionsFile)
    {
        if (!File.Exists(reconstructionsFile)) return [];
        var (tensors, _) = SafeTensors.Load(reconstructionsFile);
        try { return tensors.TryGetValue("classes", out var c) ? c.cpu().data<long>().ToArray().Distinct().Order().ToList() : []; }
        finally { foreach (var t in tensors.Values) t.Dispose(); }
    }

    /// <summary>An HTML-encoded caption.</summary>
    public static string Caption(string text) => $"<p class=caption>{WebUtility.HtmlEncode(text)}</p>";

    private static int BigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
}
