using MIForge.Host.Cli;
using MIForge.Host.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MIForge.Host.Tests.Cli;

public sealed class MiforgeHostTests
{
    [Fact]
    public void Settings_come_from_MIFORGE_environment_variables_and_later_sources_override_them()
    {
        Environment.SetEnvironmentVariable("MIFORGE_THREADS", "3");
        Environment.SetEnvironmentVariable("MIFORGE_PLUGIN_PATH", null);
        try
        {
            using var fromEnvironment = MiforgeHost.Build([]);
            Assert.Equal(3, fromEnvironment.Services.GetRequiredService<IOptions<MiforgeSettings>>().Value.Threads);
            using var overridden = MiforgeHost.Build([], [new("THREADS", "1"), new("PLUGIN_PATH", "/opt/plugins")]);
            var settings = overridden.Services.GetRequiredService<IOptions<MiforgeSettings>>().Value;
            Assert.Equal(1, settings.Threads);
            Assert.Equal("/opt/plugins", settings.PluginPath);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MIFORGE_THREADS", null);
        }
    }

    [Fact]
    public async Task Stopping_the_host_cancels_a_run_and_keeps_finished_stages()
    {
        using var host = MiforgeHost.Build([]);
        await host.StartAsync();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.StopApplication();
        var settings = MiforgeHost.Settings(new MiforgeSettings(), lifetime.ApplicationStopping) with
        {
            DefaultPlugins = false,
            Configure = TestPlugins.Add,
        };
        using var w = new Workspace();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandLine.Run(["run", w.Write(Workspace.Manifest()), "--out", w.Out], output, error, settings);
        await host.StopAsync();
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("interrupted; finished stages are kept", error.ToString());
    }
}
