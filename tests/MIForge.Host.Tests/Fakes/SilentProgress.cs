using MIForge.Abstractions;

namespace MIForge.Host.Tests.Fakes;

/// <summary>A progress reporter that drops every report.</summary>
public sealed class SilentProgress : IProgressReporter
{
    public void Report(string phase, long step, long total, double? loss = null) { }
}
