using MIForge.Abstractions;
using MIForge.Plugins.Attacks.Lomma;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Attacks.Latent;

/// <summary>The classifiers an attack inverts: the target and, with LOMMA's model augmentation, the
/// surrogates distilled from it; plus the target's mean public-data features for the logit loss.
/// Owns the surrogates and the feature mean.</summary>
public sealed class InversionModels : IDisposable
{
    private InversionModels(IClassifier target, IReadOnlyList<IClassifier> surrogates, Tensor? featureMean)
    {
        (Target, Surrogates, FeatureMean) = (target, surrogates, featureMean);
    }

    /// <summary>The target classifier (white-box).</summary>
    public IClassifier Target { get; }

    /// <summary>Distilled surrogates (empty without model augmentation).</summary>
    public IReadOnlyList<IClassifier> Surrogates { get; }

    /// <summary>Mean target features [d] on public images, when the logit loss needs it.</summary>
    public Tensor? FeatureMean { get; }

    /// <summary>Target first, then surrogates.</summary>
    public IEnumerable<IClassifier> All => Surrogates.Prepend(Target);

    /// <summary>Prepares the models for <paramref name="request"/>: distils surrogates and computes the feature mean as <paramref name="lomma"/> asks.</summary>
    public static InversionModels Prepare(AttackRequest request, LommaOptions lomma, IPluginFactory? factory, IRunContext context, IProgressReporter progress)
    {
        var target = request.Target.Classifier;
        target.Module.eval();
        var needsPublic = lomma.Surrogates.Count > 0 || (lomma.LogitLoss && lomma.FeatureWeight > 0);
        var publicImages = needsPublic
            ? request.PublicData?.Images ?? throw new InvalidOperationException("LOMMA's surrogates and feature regulariser need public data, but the attack was given none")
            : null;
        var surrogates = new List<IClassifier>();
        try
        {
            for (var i = 0; i < lomma.Surrogates.Count; i++)
            {
                if (factory is null) throw new InvalidOperationException("LOMMA surrogates need the host's plugin factory");
                var student = factory.Create(lomma.Surrogates[i]).Create(target.Input, target.ClassCount);
                surrogates.Add(student);
                student.Module.to(context.Device);
                using var images = publicImages!.to(context.Device);
                SurrogateDistillation.Run(target, student, images, lomma, context.Random, progress,
                    $"distil surrogate {i + 1}/{lomma.Surrogates.Count} ({lomma.Surrogates[i].Name})", context.Cancellation);
            }
            var mean = lomma.LogitLoss && lomma.FeatureWeight > 0 ? FeatureMeanOf(target, publicImages!, context.Device) : null;
            return new InversionModels(target, surrogates, mean);
        }
        catch
        {
            foreach (var s in surrogates) s.Dispose();
            throw;
        }
    }

    /// <summary>Disposes the surrogates and the feature mean (not the target).</summary>
    public void Dispose()
    {
        foreach (var s in Surrogates) s.Dispose();
        FeatureMean?.Dispose();
    }

    private static Tensor FeatureMeanOf(IClassifier target, Tensor images, Device device)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var n = images.shape[0];
        Tensor? sum = null;
        for (long start = 0; start < n; start += 256)
        {
            using var batch = images.narrow(0, start, Math.Min(256, n - start)).to(device);
            using var output = target.Forward(batch);
            var part = output.Features.sum(dim: 0);
            sum = sum is null ? part : sum + part;
        }
        return (sum! / n).MoveToOuterDisposeScope();
    }
}
