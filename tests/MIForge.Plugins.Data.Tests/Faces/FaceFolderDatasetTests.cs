using MIForge.Abstractions;
using MIForge.Plugins.Data.Faces;
using MIForge.Plugins.Data.Tests.Fixtures;
using MIForge.TestSupport;

namespace MIForge.Plugins.Data.Tests.Faces;

/// <summary>The facescrub and ffhq layouts.</summary>
public class FaceFolderDatasetTests
{
    private static void Jpegs(TempFolder temp, string into, int count)
    {
        var scratch = temp.File($"scratch-{Guid.NewGuid():N}");
        SyntheticCeleba.Write(scratch, 1, [count]);
        Directory.CreateDirectory(temp.File(into));
        foreach (var f in Directory.GetFiles(Path.Combine(scratch, "img_align_celeba")))
            File.Copy(f, Path.Combine(temp.Path, into, Path.GetFileName(f)));
    }

    [Fact]
    public void Facescrub_numbers_actors_then_actresses()
    {
        using var temp = new TempFolder();
        Jpegs(temp, "fs/actors/faces/Zed_Actor", 2);
        Jpegs(temp, "fs/actors/faces/Al_Actor", 2);
        Jpegs(temp, "fs/actresses/faces/Bea_Actress", 3);
        var options = new FacescrubOptions { Root = Path.Combine(temp.Path, "fs"), Size = 32, TestFraction = 0, Cache = "off" };
        using var set = new FacescrubDataset(options, new FolderRun(temp)).Load(DatasetPart.Train);
        Assert.Equal(new[] { "Al_Actor", "Zed_Actor", "Bea_Actress" }, set.ClassNames);
        Assert.Equal(new long[] { 7, 3, 32, 32 }, set.Images.shape);
        Assert.Equal(new long[] { 0, 0, 1, 1, 2, 2, 2 }, set.Labels.data<long>().ToArray());
    }

    [Fact]
    public void Ffhq_takes_every_image_below_the_root_as_one_class()
    {
        using var temp = new TempFolder();
        Jpegs(temp, "ffhq/00000", 2);
        Jpegs(temp, "ffhq/01000", 3);
        var options = new FfhqOptions { Root = Path.Combine(temp.Path, "ffhq"), TestFraction = 0, Cache = "off" };
        var dataset = new FfhqDataset(options, new FolderRun(temp));
        Assert.Equal(new DatasetFacts(1, new ImageShape(3, 64, 64)), dataset.Describe());
        using var set = dataset.Load(DatasetPart.Train);
        Assert.Equal(new long[] { 5, 3, 64, 64 }, set.Images.shape);
        var e = Assert.Throws<InvalidDataException>(() => new FfhqDataset(new FfhqOptions { Root = temp.File("none") }, new FolderRun(temp)).Load(DatasetPart.Train));
        Assert.Contains("FFHQ folder not found", e.Message);
    }
}
