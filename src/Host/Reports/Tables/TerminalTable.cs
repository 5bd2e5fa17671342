using Spectre.Console;

namespace MIForge.Host.Reports.Tables;

/// <summary>A <see cref="ResultTable"/> drawn for the terminal with Spectre.Console: a group's name
/// above each column header, right-aligned numbers, notes below. No colour codes when the writer
/// is not a terminal.</summary>
public static class TerminalTable
{
    public static void Write(ResultTable t, TextWriter writer, bool terminal = false, int width = 200)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(t.Title));
        for (var i = 0; i < t.Columns.Count; i++)
        {
            var c = t.Columns[i];
            var header = c.Group.Length == 0 ? $"\n[bold]{Markup.Escape(c.Header)}[/]" : $"[bold]{Markup.Escape(c.Group)}[/]\n{Markup.Escape(c.Header)}";
            var column = new Spectre.Console.TableColumn(new Markup(header)) { NoWrap = true };
            table.AddColumn(i == 0 ? column.LeftAligned() : column.RightAligned());
        }
        foreach (var row in t.Rows) table.AddRow(row.Select(Markup.Escape).ToArray());
        console.Write(table);
        foreach (var note in t.Notes) console.WriteLine(note);
    }
}
