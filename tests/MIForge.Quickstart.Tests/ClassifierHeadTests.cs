using MIForge.Abstractions;
using MIForge.Host.Plugins;
using Microsoft.Extensions.DependencyInjection;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Quickstart.Tests;

/// <summary>Every real classifier, and MID's bottleneck around one, exposes as <see cref="IClassifier.Head"/> the
/// layer its logits come from: features·Wᵀ + b equals the logits of the same forward pass.</summary>
public sealed class ClassifierHeadTests
{
    private static readonly PluginFactory Factory = MakeFactory();

    private static PluginFactory MakeFactory()
    {
        var catalog = new PluginCatalog();
        foreach (var family in new[] { "Models", "Defenses", "Dependency" })
            catalog.AddFolder(Path.Combine(Repository.Root, "artifacts", "plugins", family));
        return new PluginFactory(catalog, new ServiceCollection().AddLogging().BuildServiceProvider(), null);
    }

    [Theory]
    [InlineData("mcnn", 1, 32, 5, null)]
    [InlineData("scnn", 1, 32, 10, null)]
    [InlineData("resnet18", 3, 32, 7, null)]
    [InlineData("vgg16-bn", 3, 64, 4, null)]
    [InlineData("facenet64", 3, 64, 6, null)]
    [InlineData("mcnn", 1, 32, 5, "mid")]
    [InlineData("resnet18", 3, 32, 7, "mid")]
    public void Head_applied_to_the_features_gives_the_logits(string model, int channels, int size, int classes, string? defense)
    {
        manual_seed(3);
        using var classifier = Create(model, defense, new ImageShape(channels, size, size), classes);
        classifier.Module.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var output = classifier.Forward(rand(3, channels, size, size));
        var head = classifier.Head;
        Assert.Equal(new long[] { classes, output.Features.shape[1] }, head.Weight.shape);
        var recomputed = head.Apply(output.Features);
        Assert.True(recomputed.allclose(output.Logits, rtol: 1e-4, atol: 1e-5),
            $"{model}{(defense is null ? "" : " + " + defense)}: features·Wᵀ + b differs from the logits by {(recomputed - output.Logits).abs().max().ToDouble()}");
        // the head is the live layer, not a copy: the logits move with its bias
        using (no_grad()) head.Bias!.add_(1.0);
        using var moved = classifier.Forward(rand(1, channels, size, size));
        Assert.True(moved.Logits.allclose(head.Apply(moved.Features), rtol: 1e-4, atol: 1e-5));
    }

    private static IClassifier Create(string model, string? defense, ImageShape shape, int classes)
    {
        var classifier = Factory.Create(new PluginRef<IModelArchitecture>(model)).Create(shape, classes);
        return defense is null ? classifier : Factory.Create(new PluginRef<IDefense>(defense)).Prepare(classifier);
    }
}
