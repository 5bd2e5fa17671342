using MIForge.Plugins.Data.Formats;
using MIForge.Plugins.Data.Images;
using MIForge.Plugins.Data.Tests.Fixtures;

using MIForge.Numerics.Imaging;

namespace MIForge.Plugins.Data.Tests.Images;

public class ImageFolderTests
{
    [Fact]
    public void Classes_are_sorted_and_numbered_and_pixels_are_planar()
    {
        using var temp = new TempFolder();
        var red = new byte[] { 255, 0, 0, 255, 0, 0 };   // 2×1 RGB
        var gray = new byte[] { 10, 20 };                // 2×1 gray
        PngEncoder.Write(temp.File("zebra/b.png"), red, 2, 1, 3);
        PngEncoder.Write(temp.File("apple/x.png"), gray, 2, 1, 1);
        PngEncoder.Write(temp.File("apple/a.PNG"), red, 2, 1, 3);
        temp.Write("apple/notes.txt", [1]);

        var folder = ImageFolder.Scan(temp.Path);
        Assert.Equal(new[] { "apple", "zebra" }, folder.Classes);
        Assert.Equal(new[] { "a.PNG", "x.png", "b.png" }, folder.Files.Select(f => Path.GetFileName(f.Path)));

        var rgb = folder.Load();
        Assert.Equal((3, 3, 1, 2), (rgb.Count, rgb.Channels, rgb.Height, rgb.Width));
        Assert.Equal(new long[] { 0, 0, 1 }, rgb.Labels);
        Assert.Equal(new byte[] { 255, 255, 0, 0, 0, 0, /* gray repeated */ 10, 20, 10, 20, 10, 20 }, rgb.Bytes![..12]);

        var mono = folder.Load(channels: 1);
        Assert.Equal(new byte[] { 76, 76, 10, 20, 76, 76 }, mono.Bytes); // luma of pure red = 0.299·255
    }

    [Fact]
    public void Different_sizes_fail_unless_a_size_is_given()
    {
        using var temp = new TempFolder();
        PngEncoder.Write(temp.File("a/1.png"), new byte[4], 2, 2, 1);
        var odd = temp.File("a/2.png");
        PngEncoder.Write(odd, Enumerable.Repeat((byte)200, 16).ToArray(), 4, 4, 1);
        var folder = ImageFolder.Scan(temp.Path);

        var e = Assert.Throws<InvalidDataException>(() => folder.Load());
        Assert.StartsWith($"{odd}: is 4×4 but ", e.Message);
        var resized = folder.Load(size: (2, 2));
        Assert.Equal(new byte[] { 0, 0, 0, 0, 200, 200, 200, 200 }, resized.Bytes);
    }

    [Fact]
    public void Empty_class_folder_is_named()
    {
        using var temp = new TempFolder();
        PngEncoder.Write(temp.File("cat/1.png"), new byte[1], 1, 1, 1);
        Directory.CreateDirectory(Path.Combine(temp.Path, "dog"));
        var e = Assert.Throws<InvalidDataException>(() => ImageFolder.Scan(temp.Path));
        Assert.Contains("class folder(s) without image files (.jpg, .jpeg, .png, .bmp, .webp): dog", e.Message);
    }

    [Fact]
    public void Root_without_class_folders()
    {
        using var temp = new TempFolder();
        Assert.Contains("has no class sub-folders", Assert.Throws<InvalidDataException>(() => ImageFolder.Scan(temp.Path)).Message);
        Assert.Contains("image folder not found", Assert.Throws<InvalidDataException>(() => ImageFolder.Scan(temp.File("missing"))).Message);
    }

    [Fact]
    public void A_broken_image_in_the_folder_names_that_file()
    {
        using var temp = new TempFolder();
        var broken = temp.Write("c/bad.png", [1, 2, 3]);
        var e = Assert.Throws<InvalidDataException>(() => ImageFolder.Scan(temp.Path).Load());
        Assert.StartsWith($"{broken}: is not a readable JPEG, PNG, BMP or WebP image", e.Message);
    }
}
