namespace MIForge.Host.Reports.Tables;

/// <summary>A column of a result table: the group it sits under (an attack, or empty) and its header.</summary>
public sealed record TableColumn(string Group, string Header);

/// <summary>A table of formatted cells, ready for any output format: columns (grouped), rows of
/// cells (one per column) and footnotes. The first column names the row.</summary>
public sealed record ResultTable(string Title, IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Notes)
{
    /// <summary>True when some column has a group (then formats that can show a group header do).</summary>
    public bool Grouped => Columns.Any(c => c.Group.Length > 0);

    /// <summary>"group: header" or the header alone: one line for formats without spanning headers.</summary>
    public static string FlatHeader(TableColumn c) => c.Group.Length == 0 ? c.Header : $"{c.Group}: {c.Header}";

    /// <summary>Consecutive columns under the same group, as (group, count).</summary>
    public IEnumerable<(string Group, int Span)> GroupSpans()
    {
        var i = 0;
        while (i < Columns.Count)
        {
            var j = i;
            while (j < Columns.Count && Columns[j].Group == Columns[i].Group) j++;
            yield return (Columns[i].Group, j - i);
            i = j;
        }
    }
}
