namespace SupportTools.Close;

/// <summary>
/// Cells of the CSV files the Close cmdlets write (the <c>-FailedPath</c> file), guarded against formula injection as
/// OWASP recommends: a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return would be
/// run as a formula by Excel or LibreOffice when the file is opened, so it is written with a leading apostrophe (shown
/// as text, not run). Reading takes that apostrophe off again, so the file imports back to the values it holds.
/// </summary>
internal static class CloseCsvCell
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary><paramref name="value"/> as a cell that a spreadsheet shows instead of running.</summary>
    public static string Escape(string? value) =>
        value is { Length: > 0 } && FormulaStarts.Contains(value[0]) ? "'" + value : value ?? "";

    /// <summary>The value of a cell written by <see cref="Escape"/> (others are returned as they are).</summary>
    public static string? Unescape(string? cell) =>
        cell is { Length: > 1 } && cell[0] == '\'' && FormulaStarts.Contains(cell[1]) ? cell[1..] : cell;
}
