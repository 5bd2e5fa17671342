using System.Diagnostics;
using MIForge.Abstractions;
using MIForge.Numerics.Augmentation;
using MIForge.Plugins.Attacks.Latent;
using TorchSharp;
using Newtonsoft.Json.Linq;
using static TorchSharp.torch;

namespace MIForge.Plugins.Attacks.Ppdg;

/// <summary>PPDG-MI (Peng et al. 2024) around any prior-based attack. (a) The base attack makes
/// candidates for every class at once (round 0, exactly the base attack on its own under the same
/// stage seed), (b) each is scored by the target's mean class probability over random augmentations,
/// (c) the best k per class are kept as pseudo-private data; then for each batch of target classes
/// (one class by default) (d) a clone of the prior is tuned toward that batch's pseudo-private data and
/// (e) the base attack runs again on the batch with the tuned prior; (b)–(e) repeat for the configured
/// rounds, and the clone is dropped before the next batch, so every batch starts from the original
/// prior, which is never changed. Every round's best
/// reconstructions are written to <c>rounds/</c> for per-round metrics, the timings to <c>ppdg.json</c>;
/// the last round's are returned.</summary>
[Plugin("ppdg", "PPDG-MI: tunes a copy of the prior toward the base attack's most robust reconstructions per class, then re-attacks (wraps gmi by default)")]
public sealed class PpdgAttack(PpdgOptions options, IRunContext context, IProgressReporter progress, IPluginFactory factory) : IAttack
{
    private readonly IAttack baseAttack = factory.Create(options.Attack);

    /// <summary>The base attack's access, at least black-box for scoring; white-box for the distance tunings.</summary>
    public TargetAccess Requires =>
        (TargetAccess)Math.Max((int)baseAttack.Requires, (int)(options.Tuning == PpdgTuning.Gan ? TargetAccess.BlackBox : TargetAccess.WhiteBox));

    /// <inheritdoc/>
    public Reconstructions Invert(AttackRequest request)
    {
        var original = request.Prior ?? throw new InvalidOperationException("the ppdg attack tunes the attack's prior, but the manifest gives no prior");
        if (options.Rounds > 0 && original is not IFineTunablePrior)
            throw new NotSupportedException($"the ppdg attack fine-tunes the prior, but the prior {original.GetType().Name} cannot be fine-tuned (it is not an IFineTunablePrior); use a prior that can (wgan-gp, kedmi-gan) or rounds 0");
        if (options.Rounds > 0 && original is ITargetAwarePrior && request.Target.Access < TargetAccess.WhiteBox)
            throw new UnauthorizedAccessException("tuning a target-aware prior needs white-box access to the target");
        var candidates = Math.Max(options.Candidates, request.PerClass);
        var k = Math.Min(options.TopK, candidates);
        var score = new PseudoPrivateScore(PseudoPrivateAugmentation.Create(flipProbability: options.FlipProbability), options.Augmentations);
        var tuning = new PseudoPrivateTuning(options);
        var batches = request.Classes.Chunk(options.ClassBatch).ToArray();
        var timings = new JArray();
        using var rounds = new PpdgRounds(options.Rounds + 1);

        // Round 0 is the base attack over every class at once, exactly as it runs on its own.
        var clock = Stopwatch.StartNew();
        using var first = baseAttack.Invert(request with { PerClass = candidates });
        var attackSeconds = clock.Elapsed.TotalSeconds;
        using var firstScores = score.Of(request.Target, first.Images, first.Classes, ScoreRandom(-1, 0));
        rounds.Add(0, Best(first, firstScores, request.Classes, request.PerClass));
        timings.Add(Timing(request.Classes, 0, 0, attackSeconds, clock.Elapsed.TotalSeconds - attackSeconds));
        progress.Report("ppdg rounds", 1, 1 + (long)batches.Length * options.Rounds);

        for (var b = 0; b < batches.Length && options.Rounds > 0; b++)
        {
            IPrior? tuned = null;
            var pseudoPrivate = Best(first, firstScores, batches[b], k);
            try
            {
                for (var round = 1; round <= options.Rounds; round++)
                {
                    context.Cancellation.ThrowIfCancellationRequested();
                    clock.Restart();
                    tuned ??= original.Clone();
                    manual_seed(AttackSeed.Of(context.Seed, "ppdg", b, round, "tune"));
                    tuning.Run(tuned, pseudoPrivate!, request, Path.Combine(context.StageDirectory, "ppdg", $"classes-{b + 1}", $"round-{round}"));
                    pseudoPrivate!.Dispose();
                    pseudoPrivate = null;
                    var tuneSeconds = clock.Elapsed.TotalSeconds;
                    using var found = baseAttack.Invert(request with { Prior = tuned, Classes = batches[b], PerClass = candidates });
                    attackSeconds = clock.Elapsed.TotalSeconds - tuneSeconds;
                    using var scores = score.Of(request.Target, found.Images, found.Classes, ScoreRandom(b, round));
                    rounds.Add(round, Best(found, scores, batches[b], request.PerClass));
                    if (round < options.Rounds) pseudoPrivate = Best(found, scores, batches[b], k);
                    progress.Report("ppdg rounds", 1 + (long)b * options.Rounds + round, 1 + (long)batches.Length * options.Rounds);
                    timings.Add(Timing(batches[b], round, tuneSeconds, attackSeconds, clock.Elapsed.TotalSeconds - tuneSeconds - attackSeconds));
                }
            }
            finally
            {
                tuned?.Dispose();
                pseudoPrivate?.Dispose();
            }
        }
        rounds.Write(context.StageDirectory);
        File.WriteAllText(Path.Combine(context.StageDirectory, "ppdg.json"), new JObject
        {
            ["rounds"] = options.Rounds,
            ["tuning"] = options.Tuning.ManifestName(),
            ["tuneSeconds"] = timings.Sum(t => (double)t["tuneSeconds"]!),
            ["attackSeconds"] = timings.Sum(t => (double)t["attackSeconds"]!),
            ["scoreSeconds"] = timings.Sum(t => (double)t["scoreSeconds"]!),
            ["steps"] = timings,
        }.ToString());
        return rounds.Of(options.Rounds);
    }

    private Random ScoreRandom(int batch, int round) => new((int)(AttackSeed.Of(context.Seed, "ppdg", batch, round, "score") % int.MaxValue));

    private static JObject Timing(IEnumerable<int> classes, int round, double tune, double attack, double score) => new()
    {
        ["classes"] = new JArray(classes),
        ["round"] = round,
        ["tuneSeconds"] = tune,
        ["attackSeconds"] = attack,
        ["scoreSeconds"] = score,
    };

    /// <summary>The best-scoring <paramref name="perClass"/> rows of each class in <paramref name="classes"/>; the caller owns the result.</summary>
    private static Reconstructions Best(Reconstructions r, Tensor scores, IEnumerable<int> classes, int perClass) =>
        Select(r, PseudoPrivateScore.TopPerClass(scores, r.Classes, classes, perClass));

    /// <summary>The rows <paramref name="rows"/> of <paramref name="r"/>; the caller owns the result.</summary>
    private static Reconstructions Select(Reconstructions r, long[] rows)
    {
        using var scope = NewDisposeScope();
        var index = tensor(rows);
        return new Reconstructions(
            r.Images.index_select(0, index.to(r.Images.device)).DetachFromDisposeScope(),
            r.Classes.index_select(0, index.to(r.Classes.device)).DetachFromDisposeScope(),
            r.Latents?.index_select(0, index.to(r.Latents.device)).DetachFromDisposeScope());
    }
}
