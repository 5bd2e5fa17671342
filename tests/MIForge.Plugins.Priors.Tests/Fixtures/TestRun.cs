using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Tests.Fixtures;

/// <summary>An <see cref="IRunContext"/> over a fresh temporary stage folder, seeding torch like the host does.</summary>
public sealed class TestRun : IRunContext, IDisposable
{
    /// <summary>A context with <paramref name="seed"/>; torch's generator is seeded with it.</summary>
    public TestRun(long seed = 7)
    {
        RunDirectory = Path.Combine(Path.GetTempPath(), "miforge-plugin-tests", Guid.NewGuid().ToString("N"));
        StageDirectory = Path.Combine(RunDirectory, "stage");
        Directory.CreateDirectory(StageDirectory);
        Seed = seed;
        Random = new Random((int)seed);
        Generator = new Generator((ulong)seed);
        torch.manual_seed(seed);
    }

    public string RunDirectory { get; }
    public string StageDirectory { get; }
    public Device Device => torch.CPU;
    public long Seed { get; }
    public Random Random { get; }
    public Generator Generator { get; }
    public CancellationToken Cancellation => CancellationToken.None;
    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(RunDirectory, path));

    /// <summary>Removes the folder.</summary>
    public void Dispose()
    {
        Generator.Dispose();
        try { Directory.Delete(RunDirectory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Records progress reports.</summary>
public sealed class RecordedProgress : IProgressReporter
{
    /// <summary>Every report, in order.</summary>
    public List<(string Phase, long Step, long Total, double? Loss)> Reports { get; } = new();

    public void Report(string phase, long step, long total, double? loss = null) => Reports.Add((phase, step, total, loss));
}
