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

        // whole decode then crop, and the region-only decode the data sets use (cropped JPEG scanlines)
        foreach (var image in new[] { ImageDecoder.Read(source), ImageDecoder.ReadCentre(source, 108) })
        {
            var actual = new byte[3 * 64 * 64];
            CropResize.CentreCrop(image, 108, 64, 3, actual, source);
            int worst = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst <= 1, $"{image.Width}×{image.Height} decode: largest difference from Pillow {worst}");
            Assert.True(actual.Distinct().Count() > 50, "the crop should not be flat");
        }
    }

    [Fact]
    public void A_truncated_jpeg_read_by_region_names_the_file()
    {
        using var temp = new TempFolder();
        PillowImages.Write(temp.Path);
        var whole = File.ReadAllBytes(Path.Combine(temp.Path, "face.jpg"));
        var cut = temp.Write("cut.jpg", whole[..(whole.Length / 3)]);
        var e = Assert.Throws<InvalidDataException>(() => ImageDecoder.ReadCentre(cut, 108));
        Assert.StartsWith($"{cut}: truncated: the data ends before the image is complete", e.Message);
    }

    [Fact]
    public void A_crop_larger_than_the_image_names_the_file()
    {
        var image = new DecodedImage(50, 60, 1, new byte[3000]);
        var e = Assert.Throws<InvalidDataException>(() => CropResize.CentreCrop(image, 108, 64, 1, new byte[64 * 64], "small.jpg"));
        Assert.Equal("small.jpg: is 50×60, smaller than the 108×108 crop; expected images at least that large", e.Message);
    }
}
