using System.Runtime.InteropServices;
using MIForge.Abstractions;
using MIForge.Host.Manifests;
using Newtonsoft.Json.Linq;
using TorchSharp;

namespace MIForge.Host.Runs;

/// <summary>environment.json: what a run ran on, so results can be traced and reproduced.</summary>
public static class EnvironmentFacts
{
    public static JObject Collect(Manifest m, string manifestFile, IEnumerable<string> pluginFolders) => new()
    {
        ["host"] = typeof(EnvironmentFacts).Assembly.GetName().Version?.ToString(),
        ["contract"] = ContractVersion.Current.ToString(2),
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
        ["os"] = RuntimeInformation.OSDescription,
        ["arch"] = RuntimeInformation.ProcessArchitecture.ToString(),
        ["machine"] = Environment.MachineName,
        ["processors"] = Environment.ProcessorCount,
        ["threads"] = m.Threads,
        ["intra_op_threads"] = torch.get_num_threads(),
        ["device"] = m.Device,
        ["seed"] = m.Seed,
        ["torchsharp"] = typeof(torch).Assembly.GetName().Version?.ToString(),
        ["torch"] = torch.__version__,
        ["onednn"] = MIForge.Numerics.Runtime.OneDnnKernels.Reason,
        ["git_commit"] = GitCommit.Find(Path.GetDirectoryName(manifestFile)!) ?? GitCommit.Find(AppContext.BaseDirectory),
        ["plugin_folders"] = new JArray(pluginFolders),
        ["started"] = DateTime.UtcNow.ToString("O"),
    };
}
