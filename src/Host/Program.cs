return await MIForge.Host.Cli.MiforgeHost.RunAsync(args);
