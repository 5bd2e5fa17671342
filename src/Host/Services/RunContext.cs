using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Host.Services;

/// <summary>The <see cref="IRunContext"/> a stage's plugins receive.</summary>
public sealed class RunContext(string runDirectory, string stageDirectory, string manifestDirectory, Device device, long seed, Generator generator, CancellationToken cancellation) : IRunContext
{
    public string RunDirectory { get; } = runDirectory;
    public string StageDirectory { get; } = stageDirectory;
    public Device Device { get; } = device;
    public long Seed { get; } = seed;
    public Generator Generator { get; } = generator;
    public Random Random { get; } = new(unchecked((int)(seed ^ (seed >> 32))));
    public CancellationToken Cancellation { get; } = cancellation;

    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(manifestDirectory, path));
}
