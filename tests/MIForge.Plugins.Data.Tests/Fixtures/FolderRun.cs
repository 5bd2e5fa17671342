using MIForge.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Plugins.Data.Tests.Fixtures;

/// <summary>An <see cref="IRunContext"/> whose run and stage folders live in a <see cref="TempFolder"/>.</summary>
public sealed class FolderRun(TempFolder temp) : IRunContext
{
    public string RunDirectory => temp.Path;
    public string StageDirectory { get; } = Path.Combine(temp.Path, "stage");
    public Device Device => torch.CPU;
    public long Seed => 5;
    public Random Random { get; } = new(5);
    public Generator Generator { get; } = new(5);
    public CancellationToken Cancellation => CancellationToken.None;
    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(temp.Path, path));
}

/// <summary>Records progress reports.</summary>
public sealed class Progress : IProgressReporter
{
    /// <summary>Every report, in order.</summary>
    public List<(string Phase, long Step, long Total)> Reports { get; } = [];

    public void Report(string phase, long step, long total, double? loss = null) => Reports.Add((phase, step, total));
}
