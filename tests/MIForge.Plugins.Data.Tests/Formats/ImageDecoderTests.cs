using MIForge.Plugins.Data.Formats;
using MIForge.Plugins.Data.Location;
using MIForge.Plugins.Data.Tests.Fixtures;

namespace MIForge.Plugins.Data.Tests.Formats;

/// <summary>Decodes files written by other encoders: python3-skimage's sample images and Pillow's JPEG/PNG/BMP/WebP.</summary>
public class ImageDecoderTests
{
    private static string Skimage(string name) => Path.Combine(DataLocator.DebianSkimageData, name);

    [Theory]
    [InlineData("astronaut.png", 512, 512, false)]
    [InlineData("camera.png", 512, 512, true)]
    [InlineData("chelsea.png", 451, 300, false)]
    [InlineData("horse.png", 400, 328, false)]
    [InlineData("palette_color.png", 10, 10, false)]
    [InlineData("foo3x5x4indexed.png", 5, 3, false)]
    [InlineData("retina.jpg", 1411, 1411, false)]
    [InlineData("rocket.jpg", 640, 427, false)]
    public void Skimage_sample_images_decode(string name, int width, int height, bool gray)
    {
        var image = ImageDecoder.Read(Skimage(name));
        Assert.Equal(width, image.Width);
        Assert.Equal(height, image.Height);
        Assert.Equal(gray, image.IsGray);
        Assert.Equal((long)width * height * (gray ? 1 : 4), image.Pixels.LongLength);
        Assert.True(image.Pixels.Distinct().Count() > 1, "the image should not be constant");
    }

    [Fact]
    public void Gray_chessboard_matches_numpys_copy()
    {
        var png = ImageDecoder.Read(Skimage("chessboard_GRAY.png"));
        var npy = Npy.Read(Skimage("chessboard_GRAY_U8.npy"));
        Assert.Equal(new long[] { 200, 200 }, npy.Shape);
        Assert.Equal((byte[])npy.Data, png.Pixels);
    }

    [Theory]
    [InlineData("face.png", 0)]
    [InlineData("face.bmp", 0)]
    [InlineData("face.webp", 0)]
    [InlineData("face.jpg", 2)]
    public void Pillows_files_decode_to_pillows_pixels(string name, int tolerance)
    {
        using var temp = new TempFolder();
        PillowImages.Write(temp.Path);
        var image = ImageDecoder.Read(Path.Combine(temp.Path, name));
        var expected = File.ReadAllBytes(Path.Combine(temp.Path, name + ".rgb"));
        Assert.Equal((178, 218, 4), (image.Width, image.Height, image.Channels));
        int worst = 0;
        for (int i = 0; i < 178 * 218; i++)
            for (int c = 0; c < 3; c++)
                worst = Math.Max(worst, Math.Abs(image.Pixels[4 * i + c] - expected[3 * i + c]));
        Assert.True(worst <= tolerance, $"{name}: largest difference from Pillow {worst}, allowed {tolerance}");
    }

    [Fact]
    public void Jpegs_decode_through_the_systems_libjpeg_turbo_bit_for_bit_as_Pillow()
    {
        Assert.True(TurboJpeg.Available, "libturbojpeg.so.0 should load (make setup installs libturbojpeg0)");
        using var temp = new TempFolder();
        PillowImages.Write(temp.Path);
        var rgb = ImageDecoder.Read(Path.Combine(temp.Path, "face.jpg"));
        var expected = File.ReadAllBytes(Path.Combine(temp.Path, "face.jpg.rgb"));
        for (int i = 0; i < 178 * 218; i++)
            for (int c = 0; c < 3; c++)
                Assert.True(rgb.Pixels[4 * i + c] == expected[3 * i + c], $"pixel {i} channel {c}: {rgb.Pixels[4 * i + c]}, Pillow {expected[3 * i + c]}");
        var gray = ImageDecoder.Read(Path.Combine(temp.Path, "gray.jpg"));
        Assert.Equal((178, 218, 1), (gray.Width, gray.Height, gray.Channels));
        Assert.Equal(File.ReadAllBytes(Path.Combine(temp.Path, "gray.jpg.l")), gray.Pixels);
    }

    [Fact]
    public void Skias_jpeg_decoder_agrees_with_libjpeg_turbos_within_two_levels()
    {
        var bytes = File.ReadAllBytes(Skimage("rocket.jpg"));
        var turbo = TurboJpeg.TryDecode(bytes, "rocket.jpg", ImageDecoder.DefaultMaxPixels);
        var skia = ImageDecoder.DecodeWithSkia(bytes, "rocket.jpg");
        Assert.NotNull(turbo);
        Assert.Equal((skia.Width, skia.Height, skia.Channels), (turbo.Width, turbo.Height, turbo.Channels));
        int worst = 0;
        for (int i = 0; i < skia.Pixels.Length; i++) worst = Math.Max(worst, Math.Abs(skia.Pixels[i] - turbo.Pixels[i]));
        Assert.True(worst <= 2, $"largest difference {worst}");
    }
}
