using TorchSharp;

namespace MIForge.Host.Stages;

/// <summary>What the runner hands a stage for one execution: where to write, the seed the runner
/// derived and seeded torch with, the stage's own generator, and the run's cancellation.</summary>
public sealed record StageContext(string Directory, long Seed, torch.Generator Generator, CancellationToken Cancellation);
