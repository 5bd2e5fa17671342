using System.Net;
using System.Text;

namespace MIForge.Host.Reports.Tables;

/// <summary>A <see cref="ResultTable"/> written as Markdown, LaTeX (booktabs), CSV or an HTML fragment.</summary>
public static class TableText
{
    public static readonly string[] Formats = ["markdown", "latex", "csv"];

    /// <summary>The table in <paramref name="format"/> (one of <see cref="Formats"/>).</summary>
    public static string Write(ResultTable table, string format) => format switch
    {
        "markdown" => Markdown(table),
        "latex" => Latex(table),
        "csv" => Csv(table),
        _ => throw new ArgumentException($"unknown table format '{format}'; expected one of {string.Join(", ", Formats)}", nameof(format)),
    };

    public static string Markdown(ResultTable t)
    {
        static string Cell(string s) => s.Replace("|", "\\|");
        var sb = new StringBuilder();
        sb.Append("| ").AppendJoin(" | ", t.Columns.Select(c => Cell(ResultTable.FlatHeader(c)))).Append(" |\n");
        sb.Append('|').AppendJoin('|', t.Columns.Select((_, i) => i == 0 ? " --- " : " ---: ")).Append("|\n");
        foreach (var row in t.Rows) sb.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        foreach (var note in t.Notes) sb.Append('\n').Append(note).Append('\n');
        return sb.ToString();
    }

    public static string Latex(ResultTable t)
    {
        static string Tex(string s) => s.Replace("\\", "\\textbackslash{}").Replace("%", "\\%").Replace("_", "\\_").Replace("&", "\\&").Replace("#", "\\#").Replace("–", "--").Replace("−", "$-$");
        var sb = new StringBuilder();
        sb.Append("\\begin{tabular}{l").Append('r', t.Columns.Count - 1).Append("}\n\\toprule\n");
        if (t.Grouped)
        {
            sb.AppendJoin(" & ", t.GroupSpans().Select(g => g.Group.Length == 0 ? string.Join(" & ", Enumerable.Repeat("", g.Span)) : $"\\multicolumn{{{g.Span}}}{{c}}{{{Tex(g.Group)}}}")).Append(" \\\\\n");
            var start = 1;
            foreach (var (group, span) in t.GroupSpans())
            {
                if (group.Length > 0) sb.Append($"\\cmidrule(lr){{{start}-{start + span - 1}}}");
                start += span;
            }
            sb.Append('\n');
        }
        sb.AppendJoin(" & ", t.Columns.Select(c => Tex(c.Header))).Append(" \\\\\n\\midrule\n");
        foreach (var row in t.Rows) sb.AppendJoin(" & ", row.Select(Tex)).Append(" \\\\\n");
        sb.Append("\\bottomrule\n\\end{tabular}\n");
        foreach (var note in t.Notes) sb.Append("% ").Append(note).Append('\n');
        return sb.ToString();
    }

    public static string Csv(ResultTable t)
    {
        static string Field(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
        var sb = new StringBuilder();
        sb.AppendJoin(',', t.Columns.Select(c => Field(ResultTable.FlatHeader(c)))).Append('\n');
        foreach (var row in t.Rows) sb.AppendJoin(',', row.Select(Field)).Append('\n');
        return sb.ToString();
    }

    /// <summary>An HTML table with a spanning header row for groups, and its notes as a list below.</summary>
    public static string Html(ResultTable t, string cssClass = "summary")
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        sb.Append("<table class=").Append(cssClass).Append('>');
        if (t.Grouped)
        {
            sb.Append("<tr>");
            foreach (var (group, span) in t.GroupSpans()) sb.Append($"<th colspan={span}>").Append(E(group)).Append("</th>");
            sb.Append("</tr>");
        }
        sb.Append("<tr>").AppendJoin("", t.Columns.Select(c => $"<th>{E(c.Header)}</th>")).Append("</tr>");
        foreach (var row in t.Rows) sb.Append("<tr>").AppendJoin("", row.Select(c => $"<td>{E(c)}</td>")).Append("</tr>");
        sb.Append("</table>");
        if (t.Notes.Count > 0) sb.Append("<ul class=notes>").AppendJoin("", t.Notes.Select(n => $"<li>{E(n)}</li>")).Append("</ul>");
        return sb.ToString();
    }
}
