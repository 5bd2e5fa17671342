using System.Reflection;
using MIForge.Abstractions;
using MIForge.Plugins.Data.Datasets;
using MIForge.Plugins.Data.Formats;
using MIForge.Plugins.Data.Synthetic;
using MIForge.Plugins.Data.Tests.Fixtures;

using MIForge.Numerics.Imaging;

namespace MIForge.Plugins.Data.Tests.Datasets;

[Collection(EnvironmentCollection.Name)]
public class DatasetPluginTests
{
    [Fact]
    public void Every_plugin_is_a_public_IDataset_with_one_constructor()
    {
        var plugins = typeof(MnistDataset).Assembly.GetTypes().Where(t => t.GetCustomAttribute<PluginAttribute>() is not null).ToArray();
        Assert.Equal(new[] { "celeba", "facescrub", "fashion-mnist", "ffhq", "idx", "image-folder", "mnist", "natural-patches", "noise", "npy" },
            plugins.Select(t => t.GetCustomAttribute<PluginAttribute>()!.Name).Order());
        Assert.All(plugins, t =>
        {
            Assert.True(t.IsPublic && typeof(IDataset).IsAssignableFrom(t), t.Name);
            Assert.Single(t.GetConstructors());
        });
    }

    [Fact]
    public void Mnist_train_part_capped_per_class()
    {
        using var set = new MnistDataset(new MnistOptions { PerClass = 10 }).Load(DatasetPart.Train);
        Assert.Equal(new long[] { 100, 1, 28, 28 }, set.Images.shape);
        Assert.Equal(10, set.ClassCount);
        Assert.Equal(Enumerable.Repeat(10, 10), set.Labels.data<long>().ToArray().GroupBy(l => l).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal(0f, set.Images.min().data<float>().ToArray()[0]);
        Assert.Equal(1f, set.Images.max().data<float>().ToArray()[0]);
    }

    [Fact]
    public void Mnist_private_digits_padded_to_32()
    {
        using var set = new MnistDataset(new MnistOptions { Classes = [0, 1, 2, 3, 4], Pad = 2 }).Load(DatasetPart.Test);
        Assert.Equal(new long[] { 1, 28 + 4, 28 + 4 }, set.Images.shape[1..]);
        Assert.Equal(5, set.ClassCount);
        Assert.Equal(new[] { "0", "1", "2", "3", "4" }, set.ClassNames);
        Assert.Equal(5139, set.Count); // digits 0–4 in the MNIST test set
        Assert.Equal(0f, set.Images.narrow(2, 0, 2).abs().sum().data<float>().ToArray()[0]);
    }

    [Fact]
    public void Fashion_mnist_test_part_resized_to_rgb_32()
    {
        using var set = new FashionMnistDataset(new FashionMnistOptions { Channels = 3, Size = 32, PerClass = 5 }).Load(DatasetPart.Test);
        Assert.Equal(new long[] { 50, 3, 32, 32 }, set.Images.shape);
        Assert.Equal("Ankle boot", set.ClassNames![9]);
    }

    [Fact]
    public void Idx_folder_by_path_counts_classes_over_both_parts()
    {
        using var temp = new TempFolder();
        temp.Write("train-images-idx3-ubyte", IdxFiles.Images(3, 2, 2, new byte[12]));
        temp.Write("train-labels-idx1-ubyte", IdxFiles.Labels([0, 1, 1]));
        temp.Write("t10k-images-idx3-ubyte.gz", IdxFiles.Gzip(IdxFiles.Images(1, 2, 2, new byte[4])));
        temp.Write("t10k-labels-idx1-ubyte.gz", IdxFiles.Gzip(IdxFiles.Labels([4])));
        using var train = new IdxFolderDataset(new IdxFolderOptions { Folder = temp.Path }).Load(DatasetPart.Train);
        Assert.Equal(5, train.ClassCount);
        Assert.Equal(3, train.Count);
    }

    [Fact]
    public void Image_folder_holds_out_a_seeded_fraction_per_class()
    {
        using var temp = new TempFolder();
        for (int c = 0; c < 2; c++)
            for (int i = 0; i < 10; i++)
                PngEncoder.Write(temp.File($"class{c}/{i:D2}.png"), Enumerable.Repeat((byte)(c * 100 + i), 3 * 4 * 4).ToArray(), 4, 4, 3);
        var options = new ImageFolderOptions { Train = temp.Path, TestFraction = 0.2, Seed = 3 };
        using var train = new ImageFolderDataset(options).Load(DatasetPart.Train);
        using var test = new ImageFolderDataset(options).Load(DatasetPart.Test);
        Assert.Equal((16L, 4L), (train.Count, test.Count));
        Assert.Equal(new long[] { 0, 0, 1, 1 }, test.Labels.data<long>().ToArray());
        Assert.Equal(new[] { "class0", "class1" }, train.ClassNames);
        Assert.Equal(new long[] { 3, 4, 4 }, train.Images.shape[1..]);
        var trainPixels = train.Images.select(1, 0).mean([1L, 2L]).data<float>().ToArray().Select(v => (int)Math.Round(v * 255));
        var testPixels = test.Images.select(1, 0).mean([1L, 2L]).data<float>().ToArray().Select(v => (int)Math.Round(v * 255));
        Assert.Empty(trainPixels.Intersect(testPixels));
    }

    [Fact]
    public void Npy_arrays_with_a_test_part()
    {
        using var temp = new TempFolder();
        Npy.Write(temp.File("x.npy"), Enumerable.Range(0, 4 * 2 * 2 * 3).Select(i => (float)(i / 48.0)).ToArray(), 4, 2, 2, 3);
        Npy.Write(temp.File("y.npy"), new long[] { 0, 1, 2, 1 }, 4);
        Npy.Write(temp.File("tx.npy"), new byte[2 * 2 * 2], 2, 2, 2);
        Npy.Write(temp.File("ty.npy"), new int[] { 2, 0 }, 2);
        var options = new NpyOptions
        {
            TrainImages = temp.File("x.npy"), TrainLabels = temp.File("y.npy"),
            TestImages = temp.File("tx.npy"), TestLabels = temp.File("ty.npy"), Channels = 3,
        };
        using var train = new NpyDataset(options).Load(DatasetPart.Train);
        using var test = new NpyDataset(options).Load(DatasetPart.Test);
        Assert.Equal(new long[] { 4, 3, 2, 2 }, train.Images.shape);
        Assert.Equal(new long[] { 2, 3, 2, 2 }, test.Images.shape);
        Assert.Equal(3, test.ClassCount);
    }

    [Fact]
    public void Npy_test_label_beyond_the_training_classes_is_named()
    {
        using var temp = new TempFolder();
        Npy.Write(temp.File("x.npy"), new byte[8], 2, 2, 2);
        Npy.Write(temp.File("y.npy"), new long[] { 0, 1 }, 2);
        Npy.Write(temp.File("ty.npy"), new long[] { 0, 7 }, 2);
        var options = new NpyOptions { TrainImages = temp.File("x.npy"), TrainLabels = temp.File("y.npy"), TestImages = temp.File("x.npy"), TestLabels = temp.File("ty.npy") };
        var e = Assert.Throws<InvalidDataException>(() => new NpyDataset(options).Load(DatasetPart.Test));
        Assert.Equal($"{temp.File("ty.npy")}: has label 7, but the data set has 2 classes (0..1)", e.Message);
    }

    [Fact]
    public void Noise_parts_differ_and_repeat_by_seed()
    {
        var options = new NoiseOptions { Kind = NoiseKind.Gaussian, TrainCount = 6, TestCount = 6, Channels = 3, Size = 8, Seed = 9 };
        using var a = new NoiseDataset(options).Load(DatasetPart.Train);
        using var b = new NoiseDataset(options).Load(DatasetPart.Train);
        using var t = new NoiseDataset(options).Load(DatasetPart.Test);
        Assert.True(a.Images.equal(b.Images).all().item<bool>());
        Assert.False(a.Images.equal(t.Images).all().item<bool>());
        Assert.Equal(new long[] { 6, 3, 8, 8 }, a.Images.shape);
        Assert.Equal((1, "noise"), (a.ClassCount, a.ClassNames![0]));
    }

    [Fact]
    public void Natural_patches_at_the_target_size()
    {
        var options = new NaturalPatchesOptions { TrainCount = 8, TestCount = 2, Channels = 3, Size = 32, Photos = ["astronaut.png", "coffee.png"], Seed = 1 };
        using var set = new NaturalPatchesDataset(options).Load(DatasetPart.Train);
        Assert.Equal(new long[] { 8, 3, 32, 32 }, set.Images.shape);
        Assert.InRange(set.Images.mean().data<float>().ToArray()[0], 0.05f, 0.95f);
    }

    [Fact]
    public void Missing_mnist_folder_is_an_invalid_data_error_listing_the_files()
    {
        using var temp = new TempFolder();
        var e = Assert.Throws<InvalidDataException>(() => new MnistDataset(new MnistOptions { Folder = temp.Path }).Load(DatasetPart.Train));
        Assert.Contains("missing train-images-idx3-ubyte[.gz]", e.Message);
    }
}
