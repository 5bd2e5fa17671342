using System.Runtime.CompilerServices;
using MIForge.Abstractions;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace MIForge.Plugins.Defenses.Mid;

/// <summary>A classifier with a variational information bottleneck on its penultimate features f:
/// (μ, raw) = Linear(f), σ = softplus(raw − shift), z = μ + σ·ε in training and z = μ in evaluation,
/// logits = Linear(z). The wrapped classifier's own head is kept (so checkpoints line up) but unused.</summary>
internal sealed class Bottleneck : nn.Module, IClassifier
{
    private readonly IClassifier backbone;
    [ComponentName(Name = "st_layer")] private readonly Linear statistics;
    [ComponentName(Name = "fc_layer")] private readonly Linear head;
    private readonly double stdShift;
    private readonly ConditionalWeakTable<ClassifierOutput, GaussianCode> codes = new();

    /// <summary>Wraps <paramref name="backbone"/> with a bottleneck of <paramref name="width"/> codes (half its feature width when null).</summary>
    public Bottleneck(IClassifier backbone, int? width, double stdShift) : base(nameof(Bottleneck))
    {
        this.backbone = backbone;
        this.stdShift = stdShift;
        var features = FeatureWidth(backbone);
        Width = width ?? Math.Max(1, features / 2);
        register_module("backbone", backbone.Module);
        statistics = nn.Linear(features, 2 * Width);
        head = nn.Linear(Width, backbone.ClassCount);
        RegisterComponents();
    }

    /// <summary>The number of codes k.</summary>
    public long Width { get; }

    /// <inheritdoc/>
    public nn.Module Module => this;

    /// <inheritdoc/>
    public ImageShape Input => backbone.Input;

    /// <inheritdoc/>
    public int ClassCount => backbone.ClassCount;

    /// <summary>The bottleneck's own head (fc_layer), which maps the code z to the logits; the backbone's is unused.</summary>
    public ClassifierHead Head => new(head.weight!, head.bias);

    /// <summary>Logits from the bottleneck; Features is z (the head's input); Hidden is the backbone's.</summary>
    public ClassifierOutput Forward(Tensor x)
    {
        var inner = backbone.Forward(x);
        inner.Logits.Dispose();
        var code = Code(inner.Features);
        if (!inner.Hidden.Any(h => ReferenceEquals(h.Value, inner.Features))) inner.Features.Dispose();
        Tensor z;
        if (training)
        {
            using var noise = randn_like(code.Mean);
            using var spread = code.Std * noise;
            z = code.Mean + spread;
        }
        else z = code.Mean.alias();
        var output = new ClassifierOutput(head.forward(z), z, inner.Hidden);
        if (training) codes.AddOrUpdate(output, code);
        else
        {
            code.Mean.Dispose();
            code.Std.Dispose();
        }
        return output;
    }

    /// <summary>μ and σ behind an output this bottleneck produced in training mode.</summary>
    public GaussianCode CodeOf(ClassifierOutput output) => codes.TryGetValue(output, out var code)
        ? code : throw new InvalidOperationException("mid: this output did not come from the bottleneck in training mode");

    private GaussianCode Code(Tensor features)
    {
        using var stats = statistics.forward(features);
        var mean = stats.narrow(1, 0, Width);
        using var raw = stats.narrow(1, Width, Width);
        using var shifted = raw - stdShift;
        return new GaussianCode(mean, nn.functional.softplus(shifted));
    }

    /// <summary>The backbone's penultimate feature width, probed with a two-image batch in evaluation mode.</summary>
    private static long FeatureWidth(IClassifier classifier)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var wasTraining = classifier.Module.training;
        classifier.Module.eval();
        using var output = classifier.Forward(zeros(2, classifier.Input.Channels, classifier.Input.Height, classifier.Input.Width));
        classifier.Module.train(wasTraining);
        return output.Features.size(1);
    }
}
