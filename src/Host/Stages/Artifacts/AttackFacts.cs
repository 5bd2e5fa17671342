using Newtonsoft.Json.Linq;

namespace MIForge.Host.Stages;

/// <summary>attack.json of an attack stage: the stage, the attack plugin and options, the access granted,
/// the queries spent and the number of reconstructions.</summary>
public sealed record AttackFacts(string Stage, JToken Attack, string Access, long Queries, int Images)
{
    public JObject ToJson() => new()
    {
        ["stage"] = Stage,
        ["attack"] = Attack.DeepClone(),
        ["access"] = Access,
        ["queries"] = Queries,
        ["images"] = Images,
    };

    /// <summary>The facts in <paramref name="path"/>; a malformed file is an error naming it.</summary>
    public static AttackFacts Read(string path)
    {
        try
        {
            var json = JObject.Parse(File.ReadAllText(path));
            return new AttackFacts((string)json["stage"]!, json["attack"]!, (string)json["access"]!, (long)json["queries"]!, (int)json["images"]!);
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or ArgumentException or FormatException or InvalidCastException or NullReferenceException)
        {
            throw new InvalidDataException($"{path}: not an attack record ({e.Message})", e);
        }
    }
}
