using MIForge.Plugins.Data.Formats;
using MIForge.Plugins.Data.Location;
using MIForge.Plugins.Data.Tests.Fixtures;

namespace MIForge.Plugins.Data.Tests.Formats;

/// <summary>One broken input per check; each asserts the message starts with the file's path and says what is wrong.</summary>
public class ImageDecoderMalformedTests
{
    private static readonly byte[] SmallPng = HandPng.Build(4, 3, 8, 2, Samples.Rows(Samples.Bytes(36, 1), 12), [0, 1, 2]);

    private static string Fails(string path, long maxPixels = ImageDecoder.DefaultMaxPixels)
    {
        var e = Assert.Throws<InvalidDataException>(() => ImageDecoder.Read(path, maxPixels));
        Assert.StartsWith(path + ": ", e.Message);
        return e.Message;
    }

    [Fact]
    public void Zero_byte_file()
    {
        using var temp = new TempFolder();
        Assert.Contains("is empty (0 bytes); expected a JPEG, PNG, BMP or WebP image", Fails(temp.Write("empty.jpg", [])));
    }

    [Fact]
    public void Directory_named_like_an_image()
    {
        using var temp = new TempFolder();
        var folder = temp.File("000001.jpg");
        Directory.CreateDirectory(folder);
        Assert.Contains("is a directory, not an image file", Fails(folder));
    }

    [Fact]
    public void Missing_file()
    {
        using var temp = new TempFolder();
        Assert.Contains("file not found", Fails(temp.File("nothing.png")));
    }

    [Fact]
    public void Truncated_jpeg()
    {
        using var temp = new TempFolder();
        var whole = File.ReadAllBytes(Path.Combine(DataLocator.DebianSkimageData, "rocket.jpg"));
        Assert.Contains("truncated: the data ends before the image is complete", Fails(temp.Write("cut.jpg", whole[..(whole.Length / 2)])));
    }

    [Fact]
    public void A_jpeg_after_a_failed_one_decodes_right()
    {
        using var temp = new TempFolder();
        var whole = File.ReadAllBytes(Path.Combine(DataLocator.DebianSkimageData, "rocket.jpg"));
        var first = ImageDecoder.Decode(whole, "rocket.jpg");
        for (int i = 0; i < 3; i++)
        {
            Fails(temp.Write($"cut{i}.jpg", whole[..(whole.Length / (i + 2))]));
            Assert.Equal(first.Pixels, ImageDecoder.Decode(whole, "rocket.jpg").Pixels);
        }
    }

    [Fact]
    public void Truncated_jpeg_shipped_by_skimage()
        => Assert.Contains("truncated", Fails(Path.Combine(DataLocator.DebianSkimageData, "truncated.jpg")));

    [Fact]
    public void Png_header_claiming_a_huge_image_is_refused_before_decoding()
    {
        using var temp = new TempFolder();
        var lying = HandPng.File(HandPng.Chunk("IHDR", HandPng.Ihdr(60000, 60000, 8, 2)),
            HandPng.Chunk("IDAT", HandPng.Zlib(new byte[13])), HandPng.Chunk("IEND", []));
        Assert.Contains("header claims 60000×60000 = 3600000000 pixels, more than the limit of 67108864", Fails(temp.Write("huge.png", lying)));
    }

    [Fact]
    public void The_pixel_bound_is_configurable()
    {
        using var temp = new TempFolder();
        var path = temp.Write("small.png", SmallPng);
        Assert.Equal(4, ImageDecoder.Read(path, 12).Width);
        Assert.Contains("header claims 4×3 = 12 pixels, more than the limit of 11 (option maxPixels); refused before decoding", Fails(path, 11));
    }

    [Fact]
    public void Png_header_claiming_more_rows_than_its_data_holds()
    {
        using var temp = new TempFolder();
        var rows = HandPng.Zlib(HandPng.Filter(Samples.Rows(Samples.Bytes(36, 1), 12), 3, [0, 0, 0]));
        var lying = HandPng.File(HandPng.Chunk("IHDR", HandPng.Ihdr(4, 300, 8, 2)), HandPng.Chunk("IDAT", rows), HandPng.Chunk("IEND", []));
        Assert.Contains("truncated", Fails(temp.Write("short.png", lying)));
    }

    [Fact]
    public void Bytes_of_no_image_format()
    {
        using var temp = new TempFolder();
        Assert.Contains("is not a readable JPEG, PNG, BMP or WebP image", Fails(temp.Write("text.jpg", "hello, world"u8.ToArray())));
    }
}
