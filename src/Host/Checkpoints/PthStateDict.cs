using System.Collections;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace MIForge.Host.Checkpoints;

/// <summary>Reads a PyTorch state_dict saved with <c>torch.save</c> (zip format, torch ≥ 1.6) through
/// TorchSharp.PyBridge, in the order PyTorch wrote it. Accepts the layouts the reference repositories
/// publish: a bare state_dict, or a dict holding one under <c>state_dict</c> / <c>model_state_dict</c> /
/// <c>model</c> / <c>net</c> (or its only dict of tensors); a <c>module.</c> prefix on every key
/// (DataParallel) is removed.</summary>
public static class PthStateDict
{
    private static readonly string[] WrapperKeys = ["state_dict", "model_state_dict", "model", "net", "state"];

    /// <summary>The tensors of <paramref name="path"/> (CPU, float as saved), keyed and ordered as saved.</summary>
    public static IReadOnlyList<KeyValuePair<string, Tensor>> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such checkpoint file", path);
        using var stream = File.OpenRead(path);
        Hashtable root;
        try
        {
            root = PyTorchUnpickler.UnpickleStateDict(stream, leaveOpen: true, skipTensorRead: true);
        }
        catch (NotImplementedException e)
        {
            throw new InvalidDataException($"{path}: saved in PyTorch's legacy (non-zip) format; re-save it with torch.save in PyTorch ≥ 1.6 ({e.Message})", e);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or ArgumentException or InvalidCastException)
        {
            throw new InvalidDataException($"{path}: not a PyTorch checkpoint written by torch.save ({e.Message})", e);
        }
        var dict = StateDictIn(root) ?? throw new InvalidDataException(
            $"{path}: holds no state_dict: top-level keys {string.Join(", ", root.Keys.Cast<object>().Select(k => k.ToString()))}; expected tensors, or one of them under {string.Join(" / ", WrapperKeys)}");
        var storageKeys = StorageKeys(stream);
        var entries = dict.Cast<DictionaryEntry>()
            .Select(e => (key: e.Key.ToString()!, args: new LazyTensor(e.Value!)))
            .OrderBy(e => storageKeys.TryGetValue(e.args.ArchiveIndex, out var k) ? k : long.MaxValue).ThenBy(e => e.key, StringComparer.Ordinal)
            .ToArray();
        var strip = entries.Length > 0 && entries.All(e => e.key.StartsWith("module.", StringComparison.Ordinal));
        var result = new List<KeyValuePair<string, Tensor>>();
        foreach (var (key, args) in entries)
        {
            var t = args.Read();
            t.DetachFromDisposeScope();
            result.Add(new(strip ? key["module.".Length..] : key, t));
        }
        return result;
    }

    /// <summary>The storage key (PyTorch numbers storages 0, 1, 2, ... in the order it pickles the dict)
    /// of each zip entry, by entry index. torch.save writes the entries in string order of those keys
    /// ("0", "1", "10", ...), which is the index PyBridge records.</summary>
    private static Dictionary<int, long> StorageKeys(Stream stream)
    {
        stream.Position = 0;
        using var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        var result = new Dictionary<int, long>();
        var i = 0;
        foreach (var entry in zip.Entries)
        {
            var slash = entry.FullName.LastIndexOf("/data/", StringComparison.Ordinal);
            if (slash >= 0 && long.TryParse(entry.FullName[(slash + "/data/".Length)..], out var key)) result[i] = key;
            i++;
        }
        return result;
    }

    private static bool IsTensorDict(IDictionary d) =>
        d.Count > 0 && d.Values.Cast<object?>().All(v => v?.GetType().Name == LazyTensor.TypeName);

    /// <summary>A tensor PyBridge has located but not read (its TensorConstructorArgs, internal to PyBridge 1.4:
    /// reached by reflection because its archive index is the only record of the order PyTorch saved keys in;
    /// the unpickled OrderedDict is a Hashtable).</summary>
    private sealed class LazyTensor(object args)
    {
        public const string TypeName = "TensorConstructorArgs";

        public int ArchiveIndex { get; } = (int)(args.GetType().GetProperty("ArchiveIndex")?.GetValue(args)
            ?? throw new MissingMemberException(args.GetType().FullName, "ArchiveIndex"));

        public Tensor Read() => (Tensor)(args.GetType().GetMethod("ReadTensorFromStream")?.Invoke(args, null)
            ?? throw new MissingMethodException(args.GetType().FullName, "ReadTensorFromStream"));
    }

    private static IDictionary? StateDictIn(Hashtable root)
    {
        if (IsTensorDict(root)) return root;
        foreach (var key in WrapperKeys)
            if (root[key] is IDictionary d && IsTensorDict(d)) return d;
        var dicts = root.Values.OfType<IDictionary>().Where(IsTensorDict).ToArray();
        return dicts.Length == 1 ? dicts[0] : null;
    }
}
