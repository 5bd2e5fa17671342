using MIForge.Abstractions;
using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace MIForge.Plugins.Models;

/// <summary>One named stage of a classifier; hidden stages are reported to defenses (BiDO's Z_j).</summary>
internal sealed record Block(string Name, nn.Module<Tensor, Tensor> Module, bool Hidden = true);

/// <summary>
/// A classifier made of named blocks, a flatten, an optional feature normalisation and a head:
/// logits = head(norm(flatten(blocks(x)))). The head is sized by probing the blocks with the
/// input shape, so one definition serves 32×32 and 64×64 inputs and any channel count.
/// </summary>
internal sealed class BlockClassifier : nn.Module, IClassifier
{
    private readonly Block[] blocks;
    [ComponentName(Name = "feature_norm")] private readonly nn.Module<Tensor, Tensor>? featureNorm;
    [ComponentName(Name = "fc")] private readonly TorchSharp.Modules.Linear head;

    public BlockClassifier(ImageShape input, int classes, IEnumerable<Block> blocks,
        Func<long, TorchSharp.Modules.Linear> head, Func<long, nn.Module<Tensor, Tensor>>? featureNorm = null)
        : base(nameof(BlockClassifier))
    {
        Input = input;
        ClassCount = classes;
        this.blocks = blocks.ToArray();
        foreach (var b in this.blocks) register_module(b.Name, b.Module);
        var flat = Probe(input);
        if (flat <= 0) throw new ArgumentException($"input {input} is too small for this architecture (no features left)");
        if (featureNorm is not null) this.featureNorm = featureNorm(flat);
        FeatureDim = this.featureNorm is null ? flat : ProbeNorm(flat);
        this.head = head(FeatureDim);
        RegisterComponents();
    }

    /// <summary>Length of the penultimate feature vector.</summary>
    public long FeatureDim { get; }

    public nn.Module Module => this;
    public ImageShape Input { get; }
    public int ClassCount { get; }
    public ClassifierHead Head => new(head.weight!, head.bias);

    /// <summary>Names of the hidden blocks, in forward order.</summary>
    public IEnumerable<string> HiddenNames => blocks.Where(b => b.Hidden).Select(b => b.Name);

    private long Probe(ImageShape input)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var wasTraining = training;
        eval();
        var h = zeros(2, input.Channels, input.Height, input.Width);
        foreach (var b in blocks) h = b.Module.forward(h);
        train(wasTraining);
        return h.flatten(1).size(1);
    }

    private long ProbeNorm(long flat)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        featureNorm!.eval();
        var d = featureNorm.forward(zeros(2, flat)).size(1);
        featureNorm.train();
        return d;
    }

    public ClassifierOutput Forward(Tensor x)
    {
        if (x.ndim != 4 || x.size(1) != Input.Channels || x.size(2) != Input.Height || x.size(3) != Input.Width)
            throw new ArgumentException($"classifier expects [N,{Input.Channels},{Input.Height},{Input.Width}] input, got [{string.Join(",", x.shape)}]");
        var hidden = new List<KeyValuePair<string, Tensor>>();
        var h = x;
        foreach (var b in blocks)
        {
            var next = b.Module.forward(h);
            if (!ReferenceEquals(h, x) && !hidden.Any(e => ReferenceEquals(e.Value, h))) h.Dispose();
            h = next;
            if (b.Hidden) hidden.Add(new(b.Name, h));
        }
        var features = h.flatten(1);
        if (!hidden.Any(e => ReferenceEquals(e.Value, h))) h.Dispose();
        if (featureNorm is not null)
        {
            var normed = featureNorm.forward(features);
            features.Dispose();
            features = normed;
        }
        return new ClassifierOutput(head.forward(features), features, hidden);
    }
}
