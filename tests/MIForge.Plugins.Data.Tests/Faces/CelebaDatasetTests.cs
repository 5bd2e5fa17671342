using MIForge.Abstractions;
using MIForge.Plugins.Data.Faces;
using MIForge.Plugins.Data.Tests.Fixtures;
using MIForge.TestSupport;

namespace MIForge.Plugins.Data.Tests.Faces;

/// <summary>The celeba plugin on a small CelebA-shaped folder: split, labels, identity list, cache and missing data.</summary>
public class CelebaDatasetTests
{
    // identities 1..5 with 4, 6, 3, 6, 5 images: the two with most images are 2 and 4
    private static CelebaOptions Options(TempFolder temp) => new()
    {
        Root = Path.Combine(temp.Path, "celeba"), PrivateIdentities = 2, TestFraction = 0.25, Cache = Path.Combine(temp.Path, "cache"),
    };

    private static void WriteData(TempFolder temp) => SyntheticCeleba.Write(Path.Combine(temp.Path, "celeba"), 5, [4, 6, 3, 6, 5]);

    [Fact]
    public void Most_images_split_puts_the_largest_identities_first_and_pools_the_rest()
    {
        using var temp = new TempFolder();
        WriteData(temp);
        var progress = new Progress();
        var dataset = new CelebaDataset(Options(temp), new FolderRun(temp), progress);
        Assert.Equal(new DatasetFacts(3, new ImageShape(3, 64, 64)), dataset.Describe());

        using var train = dataset.Load(DatasetPart.Train);
        using var test = dataset.Load(DatasetPart.Test);
        Assert.Equal(new[] { "2", "4", "public" }, train.ClassNames);
        Assert.Equal(24, train.Images.shape[0] + test.Images.shape[0]);
        Assert.Equal(new long[] { 3, 64, 64 }, train.Images.shape[1..]);
        var labels = train.Labels.data<long>().ToArray().Concat(test.Labels.data<long>().ToArray()).ToArray();
        Assert.Equal(6, labels.Count(l => l == 0));
        Assert.Equal(6, labels.Count(l => l == 1));
        Assert.Equal(12, labels.Count(l => l == 2));
        // each part decodes its own files (a quarter of each identity held out)
        foreach (var n in new[] { train.Images.shape[0], test.Images.shape[0] })
            Assert.Contains(progress.Reports, r => r.Phase == "decoding celeba" && r.Step == n && r.Total == n);

        var rows = File.ReadAllLines(Path.Combine(temp.Path, "stage", "celeba-identities.tsv"));
        Assert.Equal(["identity\tlabel\tpart", "2\t0\tprivate", "4\t1\tprivate", "1\t2\tpublic", "3\t2\tpublic", "5\t2\tpublic"], rows);
    }

    [Fact]
    public void A_second_load_reads_the_cache_instead_of_decoding()
    {
        using var temp = new TempFolder();
        WriteData(temp);
        var options = Options(temp);
        options.TestFraction = 0;
        using (new CelebaDataset(options, new FolderRun(temp)).Load(DatasetPart.Train)) { }
        var cacheFile = Assert.Single(Directory.GetFiles(options.Cache!, "*.u8"));
        // overwrite the cached pixels (same size): a second load must return them, not decode the JPEGs again
        var bytes = File.ReadAllBytes(cacheFile);
        Array.Fill(bytes, (byte)51, 24, bytes.Length - 24);
        File.WriteAllBytes(cacheFile, bytes);
        var progress = new Progress();
        using var again = new CelebaDataset(options, new FolderRun(temp), progress).Load(DatasetPart.Train);
        Assert.Empty(progress.Reports);
        Assert.All(again.Images.flatten().data<float>().ToArray(), v => Assert.Equal(0.2f, v, 1e-6f));

        // another crop is another cache entry
        options.Crop = 100;
        using (new CelebaDataset(options, new FolderRun(temp)).Load(DatasetPart.Train)) { }
        Assert.Equal(2, Directory.GetFiles(options.Cache!, "*.u8").Length);
    }

    [Fact]
    public void Lowest_ids_and_list_splits_choose_those_identities()
    {
        using var temp = new TempFolder();
        WriteData(temp);
        var options = Options(temp);
        options.Split = "lowest-ids";
        options.Public = "identities";
        using (var set = new CelebaDataset(options, new FolderRun(temp)).Load(DatasetPart.Train))
            Assert.Equal(new[] { "1", "2", "3", "4", "5" }, set.ClassNames);
        options.Split = "list";
        options.IdentityList = Path.Combine(temp.Path, "private.txt");
        File.WriteAllLines(options.IdentityList, ["# GMI-style list", "5", "3"]);
        options.Public = "none";
        using var listed = new CelebaDataset(options, new FolderRun(temp)).Load(DatasetPart.Train);
        Assert.Equal(new[] { "3", "5" }, listed.ClassNames);
    }

    [Fact]
    public void Missing_data_says_which_file_and_where_to_get_it()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "celeba"));
        var e = Assert.Throws<InvalidDataException>(() => new CelebaDataset(Options(temp), new FolderRun(temp)).Load(DatasetPart.Train));
        Assert.StartsWith(Path.Combine(temp.Path, "celeba", "identity_CelebA.txt") + ": identity list not found", e.Message);
        Assert.Contains("https://mmlab.ie.cuhk.edu.hk/projects/CelebA.html", e.Message);

        File.WriteAllText(Path.Combine(temp.Path, "celeba", "identity_CelebA.txt"), "000001.jpg 1\n000002.jpg 2\n");
        var options = Options(temp);
        options.PrivateIdentities = 1;
        var missing = Assert.Throws<InvalidDataException>(() => new CelebaDataset(options, new FolderRun(temp)).Load(DatasetPart.Train));
        Assert.StartsWith(Path.Combine(temp.Path, "celeba", "img_align_celeba") + ": image folder not found", missing.Message);

        File.WriteAllText(Path.Combine(temp.Path, "celeba", "identity_CelebA.txt"), "000001.jpg 1\nbroken line here\n");
        var bad = Assert.Throws<InvalidDataException>(() => new CelebaDataset(options, new FolderRun(temp)).Load(DatasetPart.Train));
        Assert.Contains("identity_CelebA.txt: line 2 is 'broken line here'; expected '<image>.jpg <identity number>'", bad.Message);
    }
}

/// <summary>Face sets larger than one array decode in chunks; here the chunk is lowered to 7 images. Runs alone: the
/// chunk size is process-wide.</summary>
[Collection(EnvironmentCollection.Name)]
public class FaceChunkTests
{
    private static CelebaOptions Options(TempFolder temp) => new()
    {
        Root = Path.Combine(temp.Path, "celeba"), PrivateIdentities = 2, TestFraction = 0.25,
    };

    private static void WriteData(TempFolder temp) => SyntheticCeleba.Write(Path.Combine(temp.Path, "celeba"), 5, [4, 6, 3, 6, 5]);

    [Fact]
    public void A_set_decoded_in_chunks_equals_the_set_decoded_at_once()
    {
        using var temp = new TempFolder();
        WriteData(temp);
        var options = Options(temp);
        options.Cache = "off";
        using var whole = new CelebaDataset(options, new FolderRun(temp)).Load(DatasetPart.Train);
        var before = FaceParts.ChunkImages;
        var progress = new Progress();
        try
        {
            FaceParts.ChunkImages = 7;
            using var chunked = new CelebaDataset(options, new FolderRun(temp), progress).Load(DatasetPart.Train);
            Assert.Equal(whole.Images.shape, chunked.Images.shape);
            Assert.True(whole.Images.equal(chunked.Images).all().item<bool>());
            Assert.Equal(whole.Labels.data<long>().ToArray(), chunked.Labels.data<long>().ToArray());
        }
        finally
        {
            FaceParts.ChunkImages = before;
        }
        // 17 train images in chunks of 7: three chunks, each reported
        Assert.Equal(17, whole.Images.shape[0]);
        Assert.Contains(progress.Reports, r => r.Phase == "decoding celeba (3/3)" && r.Step == 3 && r.Total == 3);
    }
}
