using System.Security.Cryptography;
using System.Text;

namespace MIForge.Host.Stages;

/// <summary>The seed of a stage: a hash of the manifest seed and the stage's seed key (its id, or the
/// id it seeds as), so it depends on nothing but the manifest.</summary>
public static class StageSeed
{
    /// <summary>A non-negative 63-bit seed for <paramref name="key"/> under <paramref name="manifestSeed"/>.</summary>
    public static long Of(long manifestSeed, string key)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{manifestSeed}:{key}"));
        return BitConverter.ToInt64(bytes, 0) & long.MaxValue;
    }
}
