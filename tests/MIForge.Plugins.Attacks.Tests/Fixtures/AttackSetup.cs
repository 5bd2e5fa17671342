using MIForge.Abstractions;
using MIForge.Plugins.Attacks.Gmi;
using MIForge.Plugins.Attacks.KedMi;
using MIForge.Plugins.Priors.WganGp;
using MIForge.Plugins.Tests.Fixtures;
using TorchSharp;
using Newtonsoft.Json.Linq;
using static TorchSharp.torch;

namespace MIForge.Plugins.Attacks.Tests.Fixtures;

/// <summary>A white-box view of a classifier.</summary>
public sealed class WhiteBoxTarget(IClassifier classifier, TargetAccess access = TargetAccess.WhiteBox) : ITargetModel
{
    public TargetAccess Access => access;
    public int ClassCount => classifier.ClassCount;
    public ImageShape Input => classifier.Input;
    public IClassifier Classifier => classifier;
    public long Queries { get; private set; }

    public Tensor Probabilities(Tensor images)
    {
        Queries += images.shape[0];
        using var _ = no_grad();
        using var o = classifier.Forward(images);
        return o.Logits.softmax(1);
    }

    public Tensor Predict(Tensor images)
    {
        using var p = Probabilities(images);
        return p.argmax(1);
    }
}

/// <summary>An architecture plugin making <see cref="TinyClassifier"/>s; counts what it made.</summary>
public sealed class TinyArchitecture : IModelArchitecture
{
    public int Created { get; private set; }

    public IClassifier Create(ImageShape input, int classCount)
    {
        Created++;
        return new TinyClassifier(input, classCount, 8);
    }
}

/// <summary>A plugin factory for tests: architectures are tiny CNNs, attacks bind options with Json.NET.</summary>
public sealed class TestFactory(IRunContext context, IProgressReporter progress) : IPluginFactory
{
    public TinyArchitecture Architecture { get; } = new();

    public TKind Create<TKind>(PluginRef<TKind> reference) where TKind : class => reference.Name switch
    {
        "tiny" => (TKind)(object)Architecture,
        "gmi" => (TKind)(object)new GmiAttack(Bind<GmiOptions>(reference.Options), context, progress, this),
        "kedmi" => (TKind)(object)new KedMiAttack(Bind<KedMiOptions>(reference.Options), context, progress, this),
        _ => throw new ArgumentException($"unknown plugin {reference.Name}"),
    };

    private static T Bind<T>(JObject? o) where T : class, new() => o?.ToObject<T>() ?? new T();
}

/// <summary>A tiny world to attack: 3 band classes of 16×16 grey images, a trained target, a briefly trained WGAN-GP prior.</summary>
public sealed class AttackWorld : IDisposable
{
    public static readonly ImageShape Shape = new(1, 16, 16);

    public AttackWorld(long seed = 11)
    {
        Run = new TestRun(seed);
        Public = Shapes.Bands(Shape, 3, 12);
        Classifier = new TinyClassifier(Shape, 3).Fit(Public, 40);
        Target = new WhiteBoxTarget(Classifier);
        Prior = new WganGpPrior(new WganGpOptions { LatentDim = 8, Width = 8, BatchSize = 12, CriticSteps = 2, WriteSamples = false }, Run, Progress);
        Prior.Train(new PriorTraining(Public, Steps: 20));
    }

    public TestRun Run { get; }
    public RecordedProgress Progress { get; } = new();
    public ImageSet Public { get; }
    public TinyClassifier Classifier { get; }
    public WhiteBoxTarget Target { get; }
    public WganGpPrior Prior { get; }

    public AttackRequest Request(int perClass = 2, params int[] classes) =>
        new(Target, Prior, classes.Length == 0 ? [0, 1, 2] : classes, perClass, Public);

    /// <summary>Mean target probability of each image's class.</summary>
    public double MeanConfidence(Tensor images, Tensor classes)
    {
        using var scope = NewDisposeScope();
        using var p = Target.Probabilities(images);
        return p.gather(1, classes.unsqueeze(1)).mean().item<float>();
    }

    public void Dispose()
    {
        Prior.Dispose();
        Classifier.Dispose();
        Public.Dispose();
        Run.Dispose();
    }
}
