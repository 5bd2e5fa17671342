namespace MIForge.Host.Reports;

/// <summary>The page head shared by run and sweep reports: charset, title and the inline style sheet; starts the page's figure numbering.</summary>
public static class PageStyle
{
    public static string Head(string title)
    {
        Charts.Chart.BeginPage();
        return "<!doctype html><html lang=en><head><meta charset=utf-8><title>" + System.Net.WebUtility.HtmlEncode(title) + "</title><style>"
        + "body{font-family:sans-serif;margin:2em;max-width:1400px;color:#222}"
        + "table{border-collapse:collapse;margin:0.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;white-space:nowrap}"
        + "th{background:#f3f3f3}th:first-child,td:first-child{text-align:left}"
        + "ul.notes{font-size:0.9em;color:#444;max-width:1100px}"
        + "figure.chart{display:inline-block;margin:4px 8px 12px 0;vertical-align:top}figcaption{font-size:0.8em;color:#555;max-width:420px}"
        + ".grid{display:flex;align-items:flex-start;margin:0.5em 0}.grid .rows{font-size:0.85em;padding-right:6px;text-align:right}"
        + ".grid img{image-rendering:pixelated;image-rendering:crisp-edges}.pair{display:inline-block;vertical-align:top;margin-right:2em}"
        + "details{margin:1em 0}summary{cursor:pointer}"
        + "</style></head><body>";
    }
}
