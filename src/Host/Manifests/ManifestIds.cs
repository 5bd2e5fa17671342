namespace MIForge.Host.Manifests;

/// <summary>Fills in the ids a manifest leaves out: a target's is its model name (plus '-' and the defense
/// name), an attack's its attack name. It checks nothing; <see cref="ManifestRules"/> checks the result.</summary>
public static class ManifestIds
{
    /// <summary>The default id of a target.</summary>
    public static string? Default(TargetSpec t) =>
        t.Model is null ? null : t.Defense is null ? t.Model.Name : $"{t.Model.Name}-{t.Defense.Name}";

    /// <summary>The default id of an attack.</summary>
    public static string? Default(AttackSpec a) => a.Attack?.Name;

    /// <summary>Sets every missing target and attack id to its default; returns the entries given one.</summary>
    public static IReadOnlySet<object> Assign(Manifest m)
    {
        var defaulted = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var t in m.Targets.Where(t => t.Id is null)) { t.Id = Default(t); defaulted.Add(t); }
        foreach (var a in m.Attacks.Where(a => a.Id is null)) { a.Id = Default(a); defaulted.Add(a); }
        return defaulted;
    }
}
