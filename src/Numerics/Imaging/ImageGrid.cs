using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Numerics.Imaging;

/// <summary>Tiles a batch of images [N,C,H,W] in [0,1] into one PNG, one row per class.</summary>
public static class ImageGrid
{
    public static byte[] ToPng(torch.Tensor images, long[] rowOf)
    {
        var shape = images.shape;
        int n = (int)shape[0], c = (int)shape[1], h = (int)shape[2], w = (int)shape[3];
        using var cpu = images.detach().cpu().to(ScalarType.Float32).contiguous();
        var data = cpu.data<float>().ToArray();
        var rows = rowOf.Distinct().Order().ToList();
        var perRow = rowOf.GroupBy(r => r).Select(g => g.Count()).DefaultIfEmpty(1).Max();
        int outC = c == 3 ? 3 : 1, pad = 2;
        int width = perRow * (w + pad) + pad, height = Math.Max(1, rows.Count) * (h + pad) + pad;
        var pixels = new byte[width * height * outC];
        var column = new Dictionary<long, int>();
        for (var i = 0; i < n; i++)
        {
            var r = rows.IndexOf(rowOf[i]);
            var col = column[rowOf[i]] = column.GetValueOrDefault(rowOf[i]) + 1;
            int ox = pad + (col - 1) * (w + pad), oy = pad + r * (h + pad);
            for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            for (var k = 0; k < outC; k++)
            {
                var v = data[((i * c + Math.Min(k, c - 1)) * h + y) * w + x];
                pixels[((oy + y) * width + ox + x) * outC + k] = (byte)Math.Clamp(MathF.Round(v * 255f), 0, 255);
            }
        }
        return PngEncoder.Encode(pixels, width, height, outC);
    }
}
