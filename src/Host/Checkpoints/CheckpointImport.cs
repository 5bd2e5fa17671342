using System.Security.Cryptography;
using MIForge.Abstractions;
using MIForge.Host.Manifests;
using MIForge.Host.Options;
using MIForge.Host.Plugins;
using MIForge.Host.Training;
using MIForge.Numerics.Serialization;
using Newtonsoft.Json.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Host.Checkpoints;

/// <summary>What <c>miforge checkpoint import</c> is asked to do.</summary>
/// <param name="File">The PyTorch file (torch.save of a state_dict, possibly wrapped).</param>
/// <param name="Model">The architecture plugin the state belongs to, with its options.</param>
/// <param name="Classes">Number of classes of the classifier.</param>
/// <param name="Input">Input image shape.</param>
/// <param name="OutDirectory">Where model.safetensors and its sidecar are written.</param>
/// <param name="Renames">Key renames, applied before matching (a whole key or a dotted prefix).</param>
public sealed record CheckpointImportRequest(
    string File, PluginRef<IModelArchitecture> Model, int Classes, ImageShape Input, string OutDirectory,
    IReadOnlyList<(string from, string to)> Renames);

/// <summary>Turns a PyTorch state_dict into a MIForge classifier checkpoint (safetensors + sidecar) that
/// a manifest names with <c>targets[].checkpoint</c> or <c>evaluator.checkpoint</c>.</summary>
public sealed class CheckpointImport(PluginCatalog catalog, IServiceProvider services)
{
    /// <summary>Writes the checkpoint; returns its path and how each model key was filled.</summary>
    public (string path, IReadOnlyDictionary<string, string> keys) Run(CheckpointImportRequest r)
    {
        var architecture = new PluginFactory(catalog, services, null).Create(r.Model);
        using var model = architecture.Create(r.Input, r.Classes);
        var expected = PyTorchOrder.Keys(model.Module);
        var source = PthStateDict.Read(r.File);
        try
        {
            var keys = KeyMatch.Match(expected, source.Select(kv => new KeyValuePair<string, long[]>(kv.Key, kv.Value.shape)).ToArray(), r.Renames, r.File);
            var byKey = source.ToDictionary(kv => kv.Key, kv => kv.Value);
            var state = model.Module.state_dict();
            var converted = keys.ToDictionary(kv => kv.Key, kv => byKey[kv.Value].to(state[kv.Key].dtype));
            try
            {
                model.Module.load_state_dict(converted, strict: true);
            }
            finally
            {
                foreach (var t in converted.Values) t.Dispose();
            }
            var writer = new OptionsWriter(catalog);
            var path = Path.Combine(r.OutDirectory, ClassifierCheckpoint.FileName);
            ClassifierCheckpoint.Save(r.OutDirectory, model, new JObject
            {
                ["model"] = writer.WriteRef(r.Model),
                ["input"] = ClassifierCheckpoint.Shape(r.Input),
                ["classes"] = r.Classes,
                ["imported"] = new JObject
                {
                    ["file"] = Path.GetFullPath(r.File),
                    ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(r.File))),
                    ["keys"] = new JObject(keys.Where(kv => kv.Key != kv.Value).Select(kv => new JProperty(kv.Key, kv.Value))),
                },
            });
            return (path, keys);
        }
        finally
        {
            foreach (var kv in source) kv.Value.Dispose();
        }
    }

    /// <summary>Parses CxHxW (e.g. 1x32x32).</summary>
    public static ImageShape ParseShape(string text)
    {
        var parts = text.Split('x', 'X');
        if (parts.Length == 3 && parts.All(p => int.TryParse(p, out var v) && v > 0))
            return new ImageShape(int.Parse(parts[0]), int.Parse(parts[1]), int.Parse(parts[2]));
        throw new ManifestException(null, "--input", $"expected CxHxW with positive integers (e.g. 1x32x32), got '{text}'");
    }

    /// <summary>Parses OLD=NEW renames.</summary>
    public static IReadOnlyList<(string from, string to)> ParseRenames(IEnumerable<string> maps) => maps.Select(m =>
    {
        var i = m.IndexOf('=');
        if (i <= 0) throw new ManifestException(null, "--map", $"expected OLD=NEW (a state_dict key or a dotted prefix), got '{m}'");
        return (m[..i], m[(i + 1)..]);
    }).ToArray();
}
