// oneDNN reads its instruction-set cap once, at its first primitive: set it before anything runs.
MIForge.Numerics.Runtime.OneDnnCpuIsa.Apply();
return await MIForge.Host.Cli.MiforgeHost.RunAsync(args);
