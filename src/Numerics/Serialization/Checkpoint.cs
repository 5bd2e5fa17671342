using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using static TorchSharp.torch;
using TorchSharp;

namespace MIForge.Numerics.Serialization;

/// <summary>
/// A checkpoint: a safetensors file of a module's state plus a JSON sidecar (same name + ".json")
/// that says what it is (plugin, options, anything else), so a checkpoint describes itself.
/// </summary>
public static class Checkpoint
{
    /// <summary>The sidecar's path for a checkpoint file.</summary>
    public static string SidecarPath(string path) => path + ".json";

    /// <summary>Writes the module's state dict and the sidecar, each atomically.</summary>
    public static void Save(string path, nn.Module module, JObject sidecar) => Save(path, module.state_dict(), sidecar);

    /// <summary>Writes tensors and the sidecar, each atomically.</summary>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, JObject sidecar)
    {
        SafeTensors.Save(path, tensors, new Dictionary<string, string> { ["format"] = "pt", ["producer"] = "MIForge" });
        WriteAtomic(SidecarPath(path), sidecar.ToString(Formatting.Indented));
    }

    /// <summary>Loads the state into a module (strict) and returns the sidecar; a tensor with a NaN or
    /// infinite value is refused, naming the file and the tensor.</summary>
    public static JObject Load(string path, nn.Module module)
    {
        var (tensors, _) = SafeTensors.Load(path);
        try
        {
            if (StateDictMismatch(module.state_dict(), tensors) is { } why) throw new InvalidDataException($"{path}: {why}");
            if (NonFinite(tensors) is { } bad) throw new InvalidDataException($"{path}: {bad}; the checkpoint is corrupt or its training diverged");
            module.load_state_dict(tensors, strict: true);
        }
        finally { foreach (var t in tensors.Values) t.Dispose(); }
        return ReadSidecar(path);
    }

    /// <summary>Null when every floating-point tensor is finite, else which tensors hold how many NaN or infinite values.</summary>
    public static string? NonFinite(IReadOnlyDictionary<string, Tensor> tensors)
    {
        var bad = new List<string>();
        foreach (var (name, t) in tensors.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!t.is_floating_point()) continue;
            using var finite = t.isfinite();
            using var count = finite.logical_not().sum();
            var n = count.ToInt64();
            if (n > 0) bad.Add($"'{name}' has {n} NaN or infinite value{(n == 1 ? "" : "s")}");
        }
        return bad.Count == 0 ? null : string.Join("; ", bad);
    }

    /// <summary>Null when <paramref name="given"/> has exactly the keys and shapes of <paramref name="expected"/>, else what differs.</summary>
    public static string? StateDictMismatch(IReadOnlyDictionary<string, Tensor> expected, IReadOnlyDictionary<string, Tensor> given)
    {
        var problems = new List<string>();
        var missing = expected.Keys.Where(k => !given.ContainsKey(k)).ToArray();
        var unexpected = given.Keys.Where(k => !expected.ContainsKey(k)).ToArray();
        if (missing.Length > 0) problems.Add($"missing keys {string.Join(", ", missing)}");
        if (unexpected.Length > 0) problems.Add($"unexpected keys {string.Join(", ", unexpected)}");
        foreach (var (k, t) in expected)
            if (given.TryGetValue(k, out var g) && !t.shape.SequenceEqual(g.shape))
                problems.Add($"'{k}' has shape [{string.Join(", ", g.shape)}], the model expects [{string.Join(", ", t.shape)}]");
        return problems.Count == 0 ? null : "state does not fit the model: " + string.Join("; ", problems);
    }

    /// <summary>The sidecar of a checkpoint (an empty object when it has none).</summary>
    public static JObject ReadSidecar(string path)
    {
        var p = SidecarPath(path);
        if (!File.Exists(p)) return new JObject();
        try { return JObject.Parse(File.ReadAllText(p)); }
        catch (JsonException e) { throw new InvalidDataException($"{p}: sidecar is not a JSON object ({e.Message})", e); }
    }

    /// <summary>Writes text via a temp file and rename, so readers never see a partial file.</summary>
    public static void WriteAtomic(string path, string text)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(tmp, text);
        File.Move(tmp, path, overwrite: true);
    }
}
