using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Priors.Training;

/// <summary>One training run of a <see cref="GanPrior{TOptions, TDiscriminator}"/>: the alternating
/// discriminator/generator loop with Adam, progress, cancellation, per-epoch samples and losses.</summary>
internal sealed class GanTraining<TOptions, TDiscriminator>(GanPrior<TOptions, TDiscriminator> prior, PriorTraining training)
    where TOptions : GanOptions
    where TDiscriminator : nn.Module
{
    private const int SampleCount = 64;

    public void Run()
    {
        var options = prior.Settings;
        var context = prior.Run;
        if (training.Target is { } t) t.Module.eval();
        var streams = Enumerable.Range(0, prior.Streams)
            .Select(_ => new ShuffledBatches(training.Data.Images, options.BatchSize, context.Random, context.Device)).ToArray();
        var perPass = Math.Max(1, streams[0].BatchesPerPass);
        var steps = training.Steps ?? options.Epochs * perPass;
        var epochs = (int)((steps + perPass - 1) / perPass);
        var log = new LossLog(options.WriteSamples ? Path.Combine(LogDirectory, "losses.csv") : null);
        using var optG = optim.Adam(prior.GeneratorParameters, options.LearningRate, options.Beta1, options.Beta2);
        using var optD = optim.Adam(prior.DiscriminatorParameters, options.LearningRate, options.Beta1, options.Beta2);
        using var fixedNoise = prior.SampleLatents(SampleCount);
        for (long step = 1; step <= steps; step++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var epoch = (int)((step - 1) / perPass) + 1;
            using (var scope = NewDisposeScope())
            {
                prior.SetTraining(true);
                var real = streams.Select(s => s.Next()).ToArray();
                Tensor fake;
                using (no_grad()) fake = prior.Forward(prior.SampleLatents(real[0].shape[0]));
                var dLoss = prior.DiscriminatorLossOf(new GanStep(real, fake, training.Target));
                optD.zero_grad();
                dLoss.backward();
                optD.step();
                log.Discriminator(dLoss.ToDouble());
                if (step % options.CriticSteps == 0)
                {
                    var generated = prior.Forward(prior.SampleLatents(real[0].shape[0]));
                    var gLoss = prior.GeneratorLossOf(new GanStep(real, generated, training.Target));
                    if (training.GeneratorObjective is { } objective) gLoss = gLoss + objective(prior.Forward);
                    optG.zero_grad();
                    gLoss.backward();
                    optG.step();
                    log.Generator(gLoss.ToDouble());
                }
                prior.Reporter.Report($"epoch {epoch}/{epochs}", step, steps, log.DiscriminatorMean);
            }
            if (step % perPass == 0 || step == steps) EndEpoch(epoch, step, log, fixedNoise);
        }
        prior.ZeroGradients();
        prior.SetTraining(false);
    }

    private string LogDirectory => training.LogDirectory ?? prior.Run.StageDirectory;

    private void EndEpoch(int epoch, long step, LossLog log, Tensor fixedNoise)
    {
        if (prior.Settings.WriteSamples)
            prior.WriteSamples(Path.Combine(LogDirectory, "samples", $"epoch-{epoch:D3}.png"), fixedNoise);
        log.EndEpoch(epoch, step);
    }
}
