using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Defenses.Bido;

/// <summary>Bilateral dependency optimization (Peng et al., KDD 2022): CE + Σ_j [λx·d(X, Z_j) − λy·d(Z_j, Y)]
/// over hidden blocks Z_j, with X the flattened input, Y the one-hot labels and d any dependency
/// measure, so hidden features forget the input while keeping the label. Logs "ce", "xz.{block}" and
/// "zy.{block}" per batch.</summary>
[Plugin("bido", "bilateral dependency optimization (Peng et al. 2022): CE + sum_j [lambdaX d(X,Z_j) - lambdaY d(Z_j,Y)]")]
public sealed class Bido : IDefense, IDisposable
{
    private readonly BidoOptions options;
    private readonly IDependencyMeasure inputMeasure;
    private readonly IDependencyMeasure labelMeasure;

    /// <summary>Creates the input and label measures through the host's plugin factory.</summary>
    public Bido(BidoOptions options, IPluginFactory factory)
    {
        this.options = options;
        inputMeasure = factory.Create(options.Measure);
        labelMeasure = factory.Create(LabelMeasureReference.Of(options));
    }

    /// <summary>CE plus the weighted dependence terms of the selected hidden blocks; differentiable.</summary>
    public DefenseLoss Loss(DefenseBatch batch)
    {
        var blocks = Selected(batch.Output.Hidden);
        var terms = new Dictionary<string, double> { ["ce"] = batch.CrossEntropy.ToDouble() };
        using var scope = NewDisposeScope();
        var inputs = batch.Images.flatten(1);
        var labels = nn.functional.one_hot(batch.Labels, batch.ClassCount).to(batch.Images.dtype);
        var loss = batch.CrossEntropy.alias();
        foreach (var (name, hidden) in blocks)
        {
            var z = hidden.flatten(1);
            var xz = inputMeasure.Measure(inputs, z);
            var zy = labelMeasure.Measure(z, labels);
            loss = loss + xz * options.LambdaX - zy * options.LambdaY;
            terms[$"xz.{name}"] = xz.ToDouble();
            terms[$"zy.{name}"] = zy.ToDouble();
        }
        return new DefenseLoss(loss.MoveToOuterDisposeScope(), terms);
    }

    /// <summary>The hidden blocks named in the options, in forward order (all when none are named).</summary>
    private IReadOnlyList<KeyValuePair<string, Tensor>> Selected(IReadOnlyList<KeyValuePair<string, Tensor>> hidden)
    {
        if (hidden.Count == 0) throw new InvalidOperationException("bido needs a model that reports hidden blocks (ClassifierOutput.Hidden is empty)");
        if (options.Blocks.Count == 0) return hidden;
        var missing = options.Blocks.Where(b => hidden.All(h => h.Key != b)).ToArray();
        if (missing.Length > 0)
            throw new InvalidOperationException($"bido: the model has no hidden block {string.Join(", ", missing.Select(m => $"'{m}'"))}; it reports {string.Join(", ", hidden.Select(h => h.Key))}");
        return hidden.Where(h => options.Blocks.Contains(h.Key)).ToArray();
    }

    /// <summary>Disposes the measures that own resources.</summary>
    public void Dispose()
    {
        (inputMeasure as IDisposable)?.Dispose();
        (labelMeasure as IDisposable)?.Dispose();
    }
}
