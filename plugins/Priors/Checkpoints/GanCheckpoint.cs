using MIForge.Abstractions;
using MIForge.Plugins.Priors.Networks;
using TorchSharp;
using MIForge.Numerics.Serialization;
using Newtonsoft.Json.Linq;
using static TorchSharp.torch;

namespace MIForge.Plugins.Priors.Checkpoints;

/// <summary>A GAN prior on disk: generator.safetensors and discriminator.safetensors, each with a JSON
/// sidecar naming the plugin and the <see cref="GanArchitecture"/>.</summary>
public static class GanCheckpoint
{
    /// <summary>File of the generator's weights in a prior folder.</summary>
    public const string GeneratorFile = "generator.safetensors";

    /// <summary>File of the discriminator's (critic's) weights in a prior folder.</summary>
    public const string DiscriminatorFile = "discriminator.safetensors";

    /// <summary>Writes both networks into <paramref name="directory"/>.</summary>
    public static void Save(string directory, string plugin, GanArchitecture architecture, torch.nn.Module generator, torch.nn.Module discriminator)
    {
        Directory.CreateDirectory(directory);
        using var scope = torch.NewDisposeScope();
        Checkpoint.Save(Path.Combine(directory, GeneratorFile), Cpu(generator), Sidecar(plugin, "generator", architecture));
        Checkpoint.Save(Path.Combine(directory, DiscriminatorFile), Cpu(discriminator), Sidecar(plugin, "discriminator", architecture));
    }

    /// <summary>The architecture recorded in <paramref name="directory"/>; throws when the folder holds another plugin's prior.</summary>
    public static GanArchitecture ReadArchitecture(string directory, string plugin)
    {
        var path = Path.Combine(directory, GeneratorFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"no prior checkpoint: {path} is missing", path);
        var side = Checkpoint.ReadSidecar(path);
        if ((string?)side["plugin"] != plugin)
            throw new InvalidDataException($"{path} holds a '{side["plugin"]}' prior, not '{plugin}'");
        try
        {
            var shape = (JObject)side["shape"]!;
            return new GanArchitecture(new ImageShape((int)shape["channels"]!, (int)shape["height"]!, (int)shape["width"]!),
                (int)side["latentDim"]!, (int)side["width"]!, (int)side["classes"]!);
        }
        catch (Exception e) when (e is NullReferenceException or InvalidCastException or ArgumentException)
        {
            throw new InvalidDataException($"{Checkpoint.SidecarPath(path)}: sidecar lacks shape/latentDim/width/classes", e);
        }
    }

    /// <summary>Loads both networks' weights from <paramref name="directory"/>.</summary>
    public static void Load(string directory, torch.nn.Module generator, torch.nn.Module discriminator)
    {
        Checkpoint.Load(Path.Combine(directory, GeneratorFile), generator);
        Checkpoint.Load(Path.Combine(directory, DiscriminatorFile), discriminator);
    }

    private static Dictionary<string, torch.Tensor> Cpu(torch.nn.Module module) =>
        module.state_dict().ToDictionary(e => e.Key, e => e.Value.detach().cpu().contiguous());

    private static JObject Sidecar(string plugin, string part, GanArchitecture a) => new()
    {
        ["plugin"] = plugin,
        ["part"] = part,
        ["shape"] = new JObject { ["channels"] = a.Shape.Channels, ["height"] = a.Shape.Height, ["width"] = a.Shape.Width },
        ["latentDim"] = a.LatentDim,
        ["width"] = a.Width,
        ["classes"] = a.Classes,
    };
}
