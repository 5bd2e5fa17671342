using System.Security.Cryptography;
using Newtonsoft.Json.Linq;

namespace MIForge.Host.Runs;

/// <summary>The files a stage wrote, each with its size and SHA-256 (recorded in stage.json), and their
/// verification when a finished stage is read again: a changed, truncated or missing file is an
/// <see cref="InvalidDataException"/> that names the file and the stage to rerun.</summary>
public static class StageFiles
{
    /// <summary>Every file under <paramref name="directory"/> except <paramref name="exclude"/>, by relative path ('/'-separated).</summary>
    public static JObject Record(string directory, string exclude)
    {
        var files = new JObject();
        foreach (var file in Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative == exclude) continue;
            files[relative] = new JObject { ["size"] = new FileInfo(file).Length, ["sha256"] = Sha256(file) };
        }
        return files;
    }

    /// <summary>Checks every recorded file of a finished stage folder.</summary>
    public static void Verify(string directory, JObject files, string stageId)
    {
        foreach (var (relative, token) in files)
        {
            var file = Path.Combine(directory, relative.Replace('/', Path.DirectorySeparatorChar));
            var rerun = $"rerun it with --force {stageId}";
            if (!File.Exists(file)) throw new InvalidDataException($"{file}: missing from the finished stage '{stageId}'; {rerun}");
            var expected = (JObject)token!;
            var size = new FileInfo(file).Length;
            if (size != (long)expected["size"]!)
                throw new InvalidDataException($"{file}: {size} bytes, but stage '{stageId}' wrote {(long)expected["size"]!}; {rerun}");
            if (Sha256(file) != (string?)expected["sha256"])
                throw new InvalidDataException($"{file}: changed since stage '{stageId}' wrote it (SHA-256 differs); {rerun}");
        }
    }

    private static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
