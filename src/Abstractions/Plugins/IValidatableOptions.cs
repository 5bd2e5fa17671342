namespace MIForge.Abstractions;

/// <summary>An optional ability of an options class: rules across its fields (e.g. one count at most another),
/// checked by the host right after binding, so `miforge validate` reports each broken rule with its JSON path.</summary>
public interface IValidatableOptions
{
    /// <summary>Every rule the bound values break, each naming the option at fault; empty when they are valid.</summary>
    IEnumerable<OptionFailure> Validate();
}

/// <summary>One broken rule of an options class.</summary>
/// <param name="Key">The option at fault as the manifest spells it (camelCase, e.g. "topK").</param>
/// <param name="Message">What is wrong and what was expected, e.g. "topK (50) exceeds candidates (20)".</param>
public sealed record OptionFailure(string Key, string Message);
