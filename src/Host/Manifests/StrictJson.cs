using System.Text;
using System.Text.Json;

namespace MIForge.Host.Manifests;

/// <summary>What a manifest's bytes must be, checked before Json.NET (which is lenient) reads them:
/// UTF-8, strict JSON (double-quoted strings and keys, no trailing commas, no NaN or Infinity, numbers
/// a double can hold; comments are allowed), and no key twice in an object, compared case-insensitively
/// (keys bind case-insensitively, so "name" and "Name" would silently replace each other).</summary>
public static class StrictJson
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of a manifest file's bytes (a UTF-8 byte-order mark is allowed); other encodings are an error naming the byte offset.</summary>
    public static string Decode(string file, byte[] bytes)
    {
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return Utf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var offset = start + Math.Max(0, e.Index);
            var bad = e.BytesUnknown is { Length: > 0 } b ? $"byte 0x{b[0]:X2}" : "a byte";
            throw new ManifestException(file, "", $"not UTF-8: {bad} at byte offset {offset} does not start a valid UTF-8 character (save the manifest as UTF-8)");
        }
    }

    /// <summary>Adds an error for the first syntax error, and for each repeated key and each number out
    /// of a double's range; the JSON path of each is tracked while reading.</summary>
    public static void Check(string text, ErrorList errors)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var path = new JsonPathTracker();
        var inValue = false; // the last token was a key: what follows is its value
        try
        {
            while (reader.Read())
            {
                inValue = reader.TokenType == JsonTokenType.PropertyName;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Enter(reader.TokenType == JsonTokenType.StartArray);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.Leave();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (path.Key(name) is { } first)
                            errors.Add(path.Current, first == name
                                ? $"duplicate key '{name}'{At(bytes, reader)}"
                                : $"duplicate key '{name}': '{first}' is already set in this object, and keys match case-insensitively{At(bytes, reader)}");
                        break;
                    case JsonTokenType.Number:
                        path.Value();
                        if (!reader.TryGetDouble(out var d) || !double.IsFinite(d))
                            errors.Add(path.Current, $"the number {Encoding.UTF8.GetString(reader.ValueSpan)} is out of range{At(bytes, reader)}");
                        break;
                    default:
                        path.Value();
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            // after a key, the error is in its value; otherwise it is between the members of the innermost object or list
            errors.Add(inValue ? path.Current : path.Container, $"invalid JSON: {Plain(e.Message)}");
        }
    }

    /// <summary>" (line N)" of the reader's current token (Utf8JsonReader keeps its line number private, so newlines are counted).</summary>
    private static string At(ReadOnlySpan<byte> bytes, Utf8JsonReader reader)
    {
        var line = 1L;
        foreach (var b in bytes[..(int)reader.TokenStartIndex]) if (b == (byte)'\n') line++;
        return $" (line {line})";
    }

    /// <summary>System.Text.Json's message with its "LineNumber: 3 | BytePositionInLine: 7." turned into words.</summary>
    private static string Plain(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, @"\s*LineNumber: (\d+) \| BytePositionInLine: (\d+)\.?",
            m => $" (line {long.Parse(m.Groups[1].Value) + 1}, byte {long.Parse(m.Groups[2].Value) + 1} of the line)");
}
