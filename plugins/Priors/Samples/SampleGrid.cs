using MIForge.Numerics.Imaging;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Priors.Samples;

/// <summary>Writes generated images [N,C,H,W] in [0,1] as one PNG grid of <c>columns</c> images per row.</summary>
public static class SampleGrid
{
    /// <summary>Writes the grid to <paramref name="path"/> atomically (temp file + rename).</summary>
    public static void Write(string path, torch.Tensor images, int columns = 8)
    {
        var rows = Enumerable.Range(0, (int)images.shape[0]).Select(i => (long)(i / columns)).ToArray();
        var bytes = ImageGrid.ToPng(images, rows);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var tmp = path + $".{Environment.ProcessId}.tmp";
        File.WriteAllBytes(tmp, bytes);
        File.Move(tmp, path, overwrite: true);
    }
}
