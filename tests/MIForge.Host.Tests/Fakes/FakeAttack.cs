using System.ComponentModel.DataAnnotations;
using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Host.Tests.Fakes;

public sealed class FakeAttackOptions
{
    [Range(1, 1000)]
    public int Iterations { get; set; } = 3;

    [Range(0.0, 1000.0)]
    public double Lambda { get; set; } = 100;

    /// <summary>When &gt; 0, waits this long (checking cancellation) to let tests interrupt a run.</summary>
    public int SleepMs { get; set; }

    public bool Fail { get; set; }
}

/// <summary>Samples the prior and keeps the latents the target likes best.</summary>
[Plugin("fake-attack", "samples the prior, picks the most confident")]
public sealed class FakeAttack(FakeAttackOptions options, IRunContext context, IProgressReporter progress) : IAttack
{
    public TargetAccess Requires => TargetAccess.BlackBox;

    public Reconstructions Invert(AttackRequest request)
    {
        Interlocked.Increment(ref Counters.Attacks);
        if (options.Fail) throw new InvalidOperationException("the fake attack was told to fail");
        for (var waited = 0; waited < options.SleepMs; waited += 20)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            Thread.Sleep(20);
        }
        var images = new List<torch.Tensor>();
        var classes = new List<long>();
        for (var i = 0; i < options.Iterations; i++) progress.Report("iteration", i + 1, options.Iterations);
        foreach (var c in request.Classes)
        {
            using var z = request.Prior!.SampleLatents(request.PerClass);
            images.Add(request.Prior.Generate(z).detach());
            classes.AddRange(Enumerable.Repeat((long)c, request.PerClass));
            using var probs = request.Target.Probabilities(images[^1]);
        }
        return new Reconstructions(torch.cat(images.ToArray(), 0).DetachFromDisposeScope(), torch.tensor(classes.ToArray()).DetachFromDisposeScope());
    }
}
