using MIForge.Host.Options;
using MIForge.Host.Plugins;

namespace MIForge.Host.Cli;

/// <summary>Text output of <c>miforge plugins</c> and <c>miforge describe</c>.</summary>
public static class PluginTable
{
    public static void Write(TextWriter output, IEnumerable<PluginDescriptor> plugins)
    {
        var rows = plugins.OrderBy(d => PluginKind.All.ToList().IndexOf(d.Kind)).ThenBy(d => d.Name, StringComparer.Ordinal).ToArray();
        if (rows.Length == 0)
        {
            output.WriteLine("no plugins found (build them with 'make', or pass --plugins DIR)");
            return;
        }
        var nameWidth = Math.Max(4, rows.Max(r => r.Name.Length));
        var kindWidth = Math.Max(4, rows.Max(r => r.Kind.Name.Length));
        output.WriteLine($"{"KIND".PadRight(kindWidth)}  {"NAME".PadRight(nameWidth)}  DESCRIPTION  [SOURCE]");
        foreach (var d in rows)
            output.WriteLine($"{d.Kind.Name.PadRight(kindWidth)}  {d.Name.PadRight(nameWidth)}  {d.Description}  [{d.Source}]");
    }

    public static void Describe(TextWriter output, PluginDescriptor d)
    {
        output.WriteLine($"{d.Id}: {d.Description}");
        output.WriteLine($"  kind:   {d.Kind.Name} ({d.Kind.Contract.Name}: {d.Kind.Summary})");
        output.WriteLine($"  class:  {d.Type.FullName}");
        output.WriteLine($"  source: {d.Source}");
        if (d.Type.Assembly.Location is { Length: > 0 } file && ContractCheck.ReferencedContract(file) is { } contract)
            output.WriteLine($"  contract: {contract.Major}.{contract.Minor}");
        if (d.OptionsType is null)
        {
            output.WriteLine("  options: none");
            return;
        }
        output.WriteLine($"  options ({d.OptionsType.Name}):");
        if (!d.CodeLoaded)
            output.WriteLine("  (read from metadata: describe runs no code from outside the install, so defaults set by the plugin's code are not shown)");
        var defaults = d.CodeLoaded ? Activator.CreateInstance(d.OptionsType) : null;
        foreach (var f in OptionsSchema.Of(d.OptionsType))
        {
            var value = defaults is null ? "" : $", default {Show(f.Property.GetValue(defaults))}";
            var range = f.Range is null ? "" : $", range [{f.Range.Minimum}, {f.Range.Maximum}]";
            output.WriteLine($"    {f.JsonName}: {JsonTypeNames.Of(f.Type)}{value}{range}{(f.Required ? ", required" : "")}");
            if (f.Description is not null) output.WriteLine($"        {f.Description}");
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        Enum e => $"\"{JsonTypeNames.Kebab(e.ToString())}\"",
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Show)) + "]",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
