using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Host.Tests.Fakes;

/// <summary>Top-1 accuracy of the evaluator on reconstructions.</summary>
[Plugin("fake-attack-acc", "evaluator top-1 on reconstructions")]
public sealed class FakeAttackAccuracy : IMetric
{
    public MetricInputs Requires => MetricInputs.Evaluator | MetricInputs.Reconstructions;

    public IReadOnlyDictionary<string, double> Compute(MetricContext context)
    {
        Interlocked.Increment(ref Counters.Metrics);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var r = context.Reconstructions!;
        var predicted = context.Evaluator!.Forward(r.Images).Logits.argmax(1).cpu().data<long>().ToArray();
        var wanted = r.Classes.cpu().data<long>().ToArray().Select(c => (long)context.EvaluatorClassOfTarget![(int)c]).ToArray();
        return new Dictionary<string, double> { ["acc_top1"] = predicted.Zip(wanted).Count(p => p.First == p.Second) / (double)wanted.Length };
    }
}

/// <summary>Mean in-distribution score minus mean OOD score.</summary>
[Plugin("fake-ood-gap", "mean score gap between ID and OOD")]
public sealed class FakeOodGap : IMetric
{
    public MetricInputs Requires => MetricInputs.OodScores;

    public IReadOnlyDictionary<string, double> Compute(MetricContext context) =>
        new Dictionary<string, double> { ["gap"] = context.OodScores!.InDistribution.mean().ToDouble() - context.OodScores.OutOfDistribution.mean().ToDouble() };
}

/// <summary>Maximum softmax probability.</summary>
[Plugin("fake-msp", "maximum softmax probability")]
public sealed class FakeMsp : IOodScorer, IDisposable
{
    public FakeMsp() => Interlocked.Increment(ref Counters.ScorersCreated);

    public void Dispose() => Interlocked.Increment(ref Counters.ScorersDisposed);

    public torch.Tensor Score(IClassifier model, torch.Tensor images)
    {
        using var noGrad = torch.no_grad();
        using var output = model.Forward(images);
        return output.Logits.softmax(1).max(1).values;
    }
}
