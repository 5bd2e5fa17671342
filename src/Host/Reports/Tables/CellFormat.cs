using System.Globalization;

namespace MIForge.Host.Reports.Tables;

/// <summary>How result cells are written: percentages with one decimal, intervals in brackets,
/// distances with four significant digits; an absent value is an en dash.</summary>
public static class CellFormat
{
    public const string Missing = "–";

    /// <summary>0.375 → "37.5%".</summary>
    public static string Percent(double? v) => v is { } x && double.IsFinite(x) ? (x * 100).ToString("F1", CultureInfo.InvariantCulture) + "%" : Missing;

    /// <summary>0.375 with (0.24, 0.53) → "37.5% [24.0, 53.0]".</summary>
    public static string PercentWithInterval(double? v, double? low, double? high) =>
        v is null || !double.IsFinite(v.Value) ? Missing
        : low is { } l && high is { } h && double.IsFinite(l) && double.IsFinite(h)
            ? $"{Percent(v)} [{(l * 100).ToString("F1", CultureInfo.InvariantCulture)}, {(h * 100).ToString("F1", CultureInfo.InvariantCulture)}]"
            : Percent(v);

    /// <summary>A distance or score: four significant digits, no exponent for everyday sizes.</summary>
    public static string Number(double? v) => v is { } x && double.IsFinite(x)
        ? (Math.Abs(x) >= 1e5 || (x != 0 && Math.Abs(x) < 1e-3) ? x.ToString("G3", CultureInfo.InvariantCulture) : Rounded(x))
        : Missing;

    /// <summary>A signed difference in percentage points: +12.5 pp.</summary>
    public static string Points(double v) => (v >= 0 ? "+" : "−") + Math.Abs(v * 100).ToString("F1", CultureInfo.InvariantCulture) + " pp";

    private static string Rounded(double x)
    {
        var digits = Math.Max(0, 3 - (int)Math.Floor(Math.Log10(Math.Max(Math.Abs(x), 1e-12))));
        return Math.Round(x, Math.Min(digits, 4)).ToString("0.####", CultureInfo.InvariantCulture);
    }
}
