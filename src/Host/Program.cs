// libtorch's oneDNN convolutions gave wrong gradients on gray images: off before anything runs (OneDnnKernels).
MIForge.Numerics.Runtime.OneDnnKernels.Disable();
return await MIForge.Host.Cli.MiforgeHost.RunAsync(args);
