using MIForge.Abstractions;
using MIForge.Host.Manifests;
using MIForge.Numerics;
using MIForge.Numerics.Loading;
using TorchSharp;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using static TorchSharp.torch;

namespace MIForge.Host.Training;

/// <summary>Trains a classifier with cross-entropy (optionally label-smoothed), or with a defense's
/// objective, by mini-batch SGD/Adam with an optional learning-rate schedule; optionally holds out
/// a validation split to keep the best epoch and stop early. Reports progress and returns a
/// per-epoch log (loss, train/validation accuracy, learning rate, images/s, defense terms).</summary>
public sealed class ClassifierTrainer(TrainingSpec spec, IRunContext context, IProgressReporter progress, ILogger logger)
{
    public JArray Train(IClassifier model, IDefense? defense, ImageSet train, ImageSet? auxiliary)
    {
        var device = context.Device;
        model.Module.to(device);
        model.Module.train();
        var parameters = model.Module.parameters().Where(p => p.requires_grad).ToArray();
        using torch.optim.Optimizer optimizer = spec.Optimizer == OptimizerKind.Adam
            ? torch.optim.Adam(parameters, spec.LearningRate, weight_decay: spec.WeightDecay)
            : torch.optim.SGD(parameters, spec.LearningRate, spec.Momentum, weight_decay: spec.WeightDecay);
        var schedule = Schedule(optimizer);
        var (fit, validation) = Holdout((int)train.Count);
        using var validationSet = validation.Length > 0 ? Subset(train, validation) : null;
        using var fitSet = validation.Length > 0 ? Subset(train, fit) : null;
        var loader = new BatchLoader(fitSet ?? train, Sampler(train.ClassCount), unchecked((int)context.Seed), device: device);
        var auxBatch = defense?.AuxiliaryBatchSize ?? 0;
        if (auxBatch > 0 && auxiliary is null)
            throw new InvalidOperationException("the defense asks for auxiliary OOD images but the manifest has no data.auxiliary");
        var log = new JArray();
        Dictionary<string, torch.Tensor>? best = null;
        var bestAccuracy = double.NegativeInfinity;
        var sinceBest = 0;
        try
        {
            for (var epoch = 0; epoch < spec.Epochs; epoch++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                double lossSum = 0;
                long correct = 0, seen = 0;
                var terms = new Dictionary<string, double>();
                model.Module.train();
                var steps = Steps(fitSet ?? train);
                var s = 0;
                foreach (var batch in loader)
                {
                    context.Cancellation.ThrowIfCancellationRequested();
                    using var scope = torch.NewDisposeScope();
                    using var owned = batch;
                    var (x, y) = (batch.Images, batch.Labels);
                    var size = batch.Indices.Length;
                    torch.Tensor? aux = null;
                    if (defense is not null && auxBatch > 0)
                    {
                        var pick = Enumerable.Range(0, auxBatch).Select(_ => (long)context.Random.Next((int)auxiliary!.Count)).ToArray();
                        aux = auxiliary!.Images.index_select(0, torch.tensor(pick)).to(device);
                    }
                    var (output, auxOutput) = aux is not null && defense is IJointAuxiliaryForward j && j.ForwardsJointly(epoch, spec.Epochs)
                        ? JointForward.Run(model, x, aux)
                        : (model.Forward(x), null);
                    var ce = torch.nn.functional.cross_entropy(output.Logits, y, label_smoothing: spec.LabelSmoothing);
                    var loss = ce;
                    if (defense is not null)
                    {
                        var result = defense.Loss(new DefenseBatch(x, y, model.ClassCount, model, output, ce, aux, epoch, spec.Epochs) { AuxiliaryOutput = auxOutput });
                        loss = result.Loss;
                        foreach (var (k, v) in result.Terms) terms[k] = terms.GetValueOrDefault(k) + v * size;
                    }
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    var l = loss.ToDouble();
                    if (!double.IsFinite(l)) throw new InvalidOperationException($"training loss became {l} at epoch {epoch + 1}, step {s + 1}");
                    lossSum += l * size;
                    seen += size;
                    correct += output.Logits.argmax(1).eq(y).sum().item<long>();
                    progress.Report($"epoch {epoch + 1}/{spec.Epochs}", ++s, steps, l);
                }
                var entry = new JObject
                {
                    ["epoch"] = epoch + 1, ["loss"] = lossSum / seen, ["train_acc"] = (double)correct / seen,
                    ["lr"] = optimizer.ParamGroups.First().LearningRate, ["seconds"] = clock.Elapsed.TotalSeconds, ["images_per_s"] = seen / clock.Elapsed.TotalSeconds,
                };
                foreach (var (k, v) in terms) entry[k] = v / seen;
                var message = $"epoch {epoch + 1}/{spec.Epochs}: loss {lossSum / seen:G5}, train accuracy {(double)correct / seen:P2}";
                schedule?.step();
                if (validationSet is not null)
                {
                    var acc = Accuracy(model, validationSet);
                    entry["val_acc"] = acc;
                    message += $", validation accuracy {acc:P2}";
                    if (acc > bestAccuracy)
                    {
                        bestAccuracy = acc;
                        sinceBest = 0;
                        if (spec.KeepBest) best = Snapshot(model.Module, best);
                    }
                    else sinceBest++;
                }
                log.Add(entry);
                logger.LogInformation("{Message} ({Rate:F0} images/s)", message, seen / clock.Elapsed.TotalSeconds);
                if (spec.Patience > 0 && validationSet is not null && sinceBest >= spec.Patience)
                {
                    logger.LogInformation("early stop: no better validation accuracy for {Patience} epochs", spec.Patience);
                    break;
                }
            }
            if (best is not null)
            {
                model.Module.load_state_dict(best);
                logger.LogInformation("kept the best epoch (validation accuracy {Acc:P2})", bestAccuracy);
            }
        }
        finally
        {
            if (best is not null) foreach (var t in best.Values) t.Dispose();
        }
        model.Module.eval();
        return log;
    }

    /// <summary>Shuffled batches, or identity-balanced ones (perClass images of each of batchSize/perClass classes).</summary>
    private IBatchSampler Sampler(int classes) => spec.Sampler == SamplerKind.Balanced
        ? new BalancedBatches(Math.Clamp(spec.BatchSize / spec.PerClass, 1, classes), spec.PerClass)
        : new SequentialBatches(spec.BatchSize);

    private int Steps(ImageSet set) => spec.Sampler == SamplerKind.Balanced
        ? Math.Max(1, (int)set.Count / (Math.Clamp(spec.BatchSize / spec.PerClass, 1, set.ClassCount) * spec.PerClass))
        : (int)((set.Count + spec.BatchSize - 1) / spec.BatchSize);

    private torch.optim.lr_scheduler.LRScheduler? Schedule(torch.optim.Optimizer optimizer) => spec.Schedule switch
    {
        ScheduleKind.Step => torch.optim.lr_scheduler.StepLR(optimizer, spec.StepSize, spec.Gamma),
        ScheduleKind.MultiStep => torch.optim.lr_scheduler.MultiStepLR(optimizer, spec.Milestones.ToArray(), spec.Gamma),
        ScheduleKind.Cosine => torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, spec.Epochs),
        _ => null,
    };

    /// <summary>Seeded split of 0..n−1 into training and validation indices.</summary>
    private (long[] fit, long[] validation) Holdout(int n)
    {
        var all = Enumerable.Range(0, n).Select(i => (long)i).ToArray();
        var held = (int)Math.Round(n * spec.Validation);
        if (held == 0) return (all, Array.Empty<long>());
        var rng = new Random(unchecked((int)context.Seed) ^ 0x5eed);
        rng.Shuffle(all);
        return (all[held..], all[..held]);
    }

    private static ImageSet Subset(ImageSet set, long[] indices)
    {
        using var index = torch.tensor(indices);
        return new ImageSet(set.Images.index_select(0, index).DetachFromDisposeScope(), set.Labels.index_select(0, index).DetachFromDisposeScope(), set.ClassCount, set.ClassNames);
    }

    /// <summary>A detached copy of the module's parameters and buffers (reusing the previous copy's storage).</summary>
    private static Dictionary<string, torch.Tensor> Snapshot(torch.nn.Module module, Dictionary<string, torch.Tensor>? previous)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var copy = previous ?? new Dictionary<string, torch.Tensor>();
        foreach (var (name, t) in module.state_dict())
        {
            if (copy.TryGetValue(name, out var c)) c.copy_(t);
            else copy[name] = t.detach().clone().DetachFromDisposeScope();
        }
        return copy;
    }

    /// <summary>Top-1 accuracy of a classifier on a labelled set (no gradients).</summary>
    public static double Accuracy(IClassifier model, ImageSet data)
    {
        if (data.Count == 0) return double.NaN;
        using var scope = torch.NewDisposeScope();
        var (logits, _) = ChunkedForward.Run(model, data.Images);
        return (double)logits.argmax(1).eq(data.Labels.cpu()).sum().item<long>() / data.Count;
    }
}
