using MIForge.Abstractions;
using MIForge.Numerics.Serialization;
using Newtonsoft.Json.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace MIForge.Host.Training;

/// <summary>A trained classifier in a stage folder: model.safetensors + model.safetensors.json
/// (the sidecar naming the architecture, defense, options, input shape and classes).</summary>
public static class ClassifierCheckpoint
{
    public const string FileName = "model.safetensors";

    public static void Save(string directory, IClassifier model, JObject sidecar) =>
        Checkpoint.Save(Path.Combine(directory, FileName), model.Module, sidecar);

    /// <summary>Rebuilds the classifier with <paramref name="create"/> and loads its parameters.</summary>
    public static IClassifier Load(string directory, Func<ImageShape, int, IClassifier> create)
    {
        var path = Path.Combine(directory, FileName);
        var sidecar = Checkpoint.ReadSidecar(path);
        var input = sidecar["input"]!;
        var shape = new ImageShape((int)input["channels"]!, (int)input["height"]!, (int)input["width"]!);
        var model = create(shape, (int)sidecar["classes"]!);
        Checkpoint.Load(path, model.Module);
        model.Module.eval();
        return model;
    }

    /// <summary>The model.safetensors a manifest's <c>checkpoint</c> names: a folder holding one, or the file;
    /// relative paths are taken from <paramref name="manifestDirectory"/>.</summary>
    public static string Resolve(string manifestDirectory, string checkpoint)
    {
        var path = Path.GetFullPath(Path.Combine(manifestDirectory, checkpoint));
        return Directory.Exists(path) ? Path.Combine(path, FileName) : path;
    }

    /// <summary>SHA-256 of a checkpoint file and its sidecar, so a stage that uses it reruns when either changes.</summary>
    public static string Digest(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: checkpoint not found (write one with `miforge checkpoint import`)", path);
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        sha.AppendData(File.ReadAllBytes(path));
        var sidecar = Checkpoint.SidecarPath(path);
        if (File.Exists(sidecar)) sha.AppendData(File.ReadAllBytes(sidecar));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static JObject Shape(ImageShape s) => new() { ["channels"] = s.Channels, ["height"] = s.Height, ["width"] = s.Width };
}
