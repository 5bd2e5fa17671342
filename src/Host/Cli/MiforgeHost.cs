using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using MIForge.Numerics.Runtime;

namespace MIForge.Host.Cli;

/// <summary>The miforge process on the Generic Host: configuration (<see cref="MiforgeSettings"/>), DI and
/// the console lifetime, whose stop token (Ctrl-C, SIGTERM) cancels the command so that finished stages
/// are kept and the current one is abandoned cleanly. System.CommandLine parses the arguments.</summary>
public static class MiforgeHost
{
    /// <summary>Builds the host for <paramref name="args"/>; the caller starts and disposes it.</summary>
    public static IHost Build(string[] args, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("MIFORGE_");
        if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides);
        builder.Services.Configure<MiforgeSettings>(builder.Configuration);
        builder.Services.AddSingleton<IHostLifetime, ConsoleLifetime>();
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        return builder.Build();
    }

    /// <summary>Runs one miforge command under the host and returns its exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using var host = Build(args);
        await host.StartAsync();
        var settings = host.Services.GetRequiredService<IOptions<MiforgeSettings>>().Value;
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        try
        {
            OneDnnKernels.Choose(settings.OneDnn, settings.OneDnnIsa);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message.Split(" (Parameter")[0]}");
            await host.StopAsync();
            return ExitCodes.BadInput;
        }
        try
        {
            return CommandLine.Run(args, Console.Out, Console.Error, Settings(settings, lifetime.ApplicationStopping));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>The CLI settings configuration gives.</summary>
    public static CliSettings Settings(MiforgeSettings settings, CancellationToken cancellation) => new()
    {
        Cancellation = cancellation,
        PluginPath = settings.PluginPath,
        Threads = settings.Threads,
        MaxSweepPoints = settings.MaxSweepPoints,
    };
}
