using static TorchSharp.torch;

namespace MIForge.Host.Checkpoints;

/// <summary>A module's state_dict keys and shapes in PyTorch's order (each module's parameters, then its buffers,
/// module by module), which is the order published files list them in.</summary>
public static class PyTorchOrder
{
    /// <summary>The keys and shapes of <paramref name="module"/>'s state in PyTorch's order.</summary>
    public static KeyValuePair<string, long[]>[] Keys(nn.Module module)
    {
        // TorchSharp lists every parameter (in module order), then every buffer: group keys by their
        // module, in the order modules first appear, keeping parameters before buffers within each.
        var state = module.state_dict().ToArray();
        static string ModuleOf(string key) => key.LastIndexOf('.') is var i and >= 0 ? key[..i] : "";
        var rank = state.Select(kv => ModuleOf(kv.Key)).Distinct().Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i);
        return state.Select((kv, i) => (kv, i)).OrderBy(x => rank[ModuleOf(x.kv.Key)]).ThenBy(x => x.i)
            .Select(x => new KeyValuePair<string, long[]>(x.kv.Key, x.kv.Value.shape)).ToArray();
    }

    /// <summary>Fills <paramref name="module"/> from a PyTorch state_dict file, matching keys with <see cref="KeyMatch"/>;
    /// returns, for each module key, the file key that filled it.</summary>
    public static IReadOnlyDictionary<string, string> LoadInto(nn.Module module, string file, IReadOnlyList<(string from, string to)> renames)
    {
        var source = PthStateDict.Read(file);
        try
        {
            var keys = KeyMatch.Match(Keys(module), source.Select(kv => new KeyValuePair<string, long[]>(kv.Key, kv.Value.shape)).ToArray(), renames, file);
            var byKey = source.ToDictionary(kv => kv.Key, kv => kv.Value);
            var state = module.state_dict();
            var converted = keys.ToDictionary(kv => kv.Key, kv => byKey[kv.Value].to(state[kv.Key].dtype, state[kv.Key].device));
            try { module.load_state_dict(converted, strict: true); }
            finally { foreach (var t in converted.Values) t.Dispose(); }
            return keys;
        }
        finally
        {
            foreach (var kv in source) kv.Value.Dispose();
        }
    }
}
