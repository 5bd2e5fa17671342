using System.Diagnostics;
using MIForge.Plugins.Data.Formats;
using MIForge.Plugins.Data.Images;
using MIForge.Plugins.Data.Tests.Fixtures;

namespace MIForge.Plugins.Data.Tests.Faces;

/// <summary>GMI's CelebA preprocessing (centre crop 108, resize to 64 with PIL's bilinear filter) against Pillow itself.</summary>
public class CropResizeTests
{
    private const string Script = """
        import sys, numpy as np
        from PIL import Image
        src, out = sys.argv[1], sys.argv[2]
        img = Image.open(src).convert("RGB")
        w, h = img.size
        top, left = (h - 108) // 2, (w - 108) // 2
        crop = img.crop((left, top, left + 108, top + 108)).resize((64, 64), Image.BILINEAR)
        open(out, "wb").write(np.asarray(crop).transpose(2, 0, 1).tobytes())
        """;

    [Theory]
    [InlineData("face.png")]
    [InlineData("face.jpg")]
    public void Gmi_crop_and_resize_matches_pillow(string name)
    {
        using var temp = new TempFolder();
        PillowImages.Write(temp.Path);
        var source = Path.Combine(temp.Path, name);
        var expectedFile = Path.Combine(temp.Path, name + ".gmi");
        var psi = new ProcessStartInfo("/usr/bin/python3", ["-c", Script, source, expectedFile]) { RedirectStandardError = true };
        using (var p = Process.Start(psi)!) { var err = p.StandardError.ReadToEnd(); p.WaitForExit(); Assert.True(p.ExitCode == 0, err); }
        var expected = File.ReadAllBytes(expectedFile);

        foreach (var image in new[] { ImageDecoder.Read(source) })
        {
            var actual = new byte[3 * 64 * 64];
            CropResize.CentreCrop(image, 108, 64, 3, actual, source);
            int worst = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst <= 1, $"{image.Width}×{image.Height} decode: largest difference from Pillow {worst}");
            Assert.True(actual.Distinct().Count() > 50, "the crop should not be flat");
        }
    }

    [Fact]
    public void A_truncated_jpeg_names_the_file()
    {
        using var temp = new TempFolder();
        PillowImages.Write(temp.Path);
        var whole = File.ReadAllBytes(Path.Combine(temp.Path, "face.jpg"));
        var cut = temp.Write("cut.jpg", whole[..(whole.Length / 3)]);
        var e = Assert.Throws<InvalidDataException>(() => ImageDecoder.Read(cut));
        Assert.StartsWith($"{cut}: truncated: the data ends before the image is complete", e.Message);
    }

    [Fact]
    public void A_crop_larger_than_the_image_names_the_file()
    {
        var image = new DecodedImage(50, 60, 1, new byte[3000]);
        var e = Assert.Throws<InvalidDataException>(() => CropResize.CentreCrop(image, 108, 64, 1, new byte[64 * 64], "small.jpg"));
        Assert.Equal("small.jpg: is 50×60, smaller than the 108×108 crop; expected images at least that large", e.Message);
    }

    [Theory]
    [InlineData(4, 3)]
    [InlineData(4, 1)]
    [InlineData(1, 1)]
    [InlineData(1, 3)]
    public void Cropping_inside_equals_resizing_the_cut_out_square(int decoded, int channels)
    {
        var random = new Random(5);
        var pixels = new byte[178 * 218 * decoded];
        random.NextBytes(pixels);
        var image = new DecodedImage(178, 218, decoded, pixels);
        var square = new byte[108 * 108 * decoded];
        for (int y = 0; y < 108; y++)
            Array.Copy(pixels, ((55 + y) * 178 + 35) * decoded, square, y * 108 * decoded, 108 * decoded);
        var inside = new byte[channels * 64 * 64];
        var cut = new byte[channels * 64 * 64];
        CropResize.CentreCrop(image, 108, 64, channels, inside, "face.jpg");
        CropResize.CentreCrop(new DecodedImage(108, 108, decoded, square), null, 64, channels, cut, "square.jpg");
        Assert.Equal(cut, inside);
        Assert.True(inside.Distinct().Count() > 10);
    }
}
