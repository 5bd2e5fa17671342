using System.Diagnostics;
using MIForge.Plugins.Data.Formats;
using MIForge.Plugins.Data.Images;

namespace MIForge.Bench;

/// <summary>The face loader's per-file work: decode a 178×218 CelebA-shaped JPEG, centre crop 108×108 and resize to
/// 64×64 (GMI's preprocessing), on <c>threads</c> threads; the files are written once by Pillow (pytorch_bench.py).</summary>
internal sealed class JpegPipeline
{
    private readonly string[] files;
    private readonly byte[][] outputs;

    public JpegPipeline(string root)
    {
        var folder = Path.Combine(root, "artifacts", "bench-jpeg");
        if (!Directory.Exists(folder) || Directory.GetFiles(folder, "*.jpg").Length == 0)
        {
            using var p = Process.Start("/usr/bin/python3", [Path.Combine(root, "bench", "pytorch_bench.py"), "--write-jpegs"]);
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException("pytorch_bench.py --write-jpegs failed (is python3-pil installed?)");
        }
        files = Directory.GetFiles(folder, "*.jpg").Order(StringComparer.Ordinal).ToArray();
        outputs = files.Select(_ => new byte[3 * 64 * 64]).ToArray();
    }

    /// <summary>Number of files one pass decodes.</summary>
    public int Count => files.Length;

    /// <summary>Runs <paramref name="passes"/> passes over the files on <paramref name="threads"/> threads.</summary>
    public void Run(int passes, int threads)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        for (var pass = 0; pass < passes; pass++)
            Parallel.For(0, files.Length, options, i =>
                CropResize.CentreCrop(ImageDecoder.Read(files[i]), 108, 64, 3, outputs[i], files[i]));
    }
}
