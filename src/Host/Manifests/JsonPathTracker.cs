using System.Text;

namespace MIForge.Host.Manifests;

/// <summary>The JSON path (Json.NET's spelling: <c>targets[0].defense['odd key']</c>) of the token a
/// forward-only reader is at, and the keys seen in each open object (case-insensitively).</summary>
internal sealed class JsonPathTracker
{
    private sealed class Frame(bool array)
    {
        public bool Array { get; } = array;
        public int Index { get; set; } = -1;
        public string? Name { get; set; }
        public Dictionary<string, string> Keys { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    private readonly Stack<Frame> frames = new();

    /// <summary>An object or array starts (it is itself a value of its parent).</summary>
    public void Enter(bool array)
    {
        Value();
        frames.Push(new Frame(array));
    }

    /// <summary>The innermost object or array ends.</summary>
    public void Leave() => frames.Pop();

    /// <summary>A value starts: in an array, it is the next element.</summary>
    public void Value()
    {
        if (frames.TryPeek(out var f) && f.Array) f.Index++;
    }

    /// <summary>A key of the innermost object; returns the spelling it was first given if it is a repeat.</summary>
    public string? Key(string name)
    {
        var f = frames.Peek();
        f.Name = name;
        if (f.Keys.TryGetValue(name, out var first)) return first;
        f.Keys[name] = name;
        return null;
    }

    /// <summary>The path of the current token.</summary>
    public string Current => PathOf(frames.Count);

    /// <summary>The path of the innermost open object or array itself.</summary>
    public string Container => PathOf(frames.Count - 1);

    private string PathOf(int depth)
    {
        {
            var s = new StringBuilder();
            foreach (var f in frames.Reverse().Take(Math.Max(0, depth)))
            {
                if (f.Array) { if (f.Index >= 0) s.Append('[').Append(f.Index).Append(']'); }
                else if (f.Name is { } n)
                {
                    if (n.All(c => char.IsLetterOrDigit(c) || c is '_' or '-')) s.Append(s.Length == 0 ? "" : ".").Append(n);
                    else s.Append("['").Append(n.Replace("'", "\\'")).Append("']");
                }
            }
            return s.ToString();
        }
    }
}
