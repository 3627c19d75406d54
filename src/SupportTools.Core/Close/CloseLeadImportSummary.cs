using System.Globalization;

namespace SupportTools.Close;

/// <summary>
/// The counts of one import, per row status; they add up to <see cref="Rows"/> (rows only previewed under
/// <c>-WhatIf</c> included). What the cmdlet's closing line says.
/// </summary>
public sealed class CloseLeadImportSummary
{
    private readonly int[] _counts = new int[Enum.GetValues<CloseLeadStatus>().Length];
    private int _previewed;

    internal CloseLeadImportSummary(int rows, int companies)
    {
        Rows = rows;
        Companies = companies;
    }

    /// <summary>Input rows.</summary>
    public int Rows { get; }

    /// <summary>Companies among the valid rows (the leads to create).</summary>
    public int Companies { get; }

    /// <summary>Rows with <paramref name="status"/> so far.</summary>
    public int Count(CloseLeadStatus status) => Volatile.Read(ref _counts[(int)status]);

    /// <summary>Rows of leads that -WhatIf said would be created (not sent, no result).</summary>
    public int Previewed => Volatile.Read(ref _previewed);

    /// <summary>Rows written to the failed-rows file, or null when there is none.</summary>
    public int? FailedRowsWritten { get; internal set; }

    /// <summary>The failed-rows file, or null.</summary>
    public string? FailedPath { get; internal set; }

    /// <summary>The time the import took.</summary>
    public TimeSpan Elapsed { get; internal set; }

    internal void Add(CloseLeadStatus status) => Interlocked.Increment(ref _counts[(int)status]);

    internal void AddPreviewed(int rows) => Interlocked.Add(ref _previewed, rows);

    /// <summary>One line: rows, companies and every count (for the information stream).</summary>
    public override string ToString()
    {
        var parts = new List<string> { $"{Count(CloseLeadStatus.Created):N0} created" };
        if (Previewed > 0) parts.Add($"{Previewed:N0} would be created (-WhatIf)");
        parts.Add($"{Count(CloseLeadStatus.Skipped):N0} skipped (lead exists)");
        parts.Add($"{Count(CloseLeadStatus.Invalid):N0} invalid");
        parts.Add($"{Count(CloseLeadStatus.Failed):N0} failed");
        if (Count(CloseLeadStatus.Unknown) > 0) parts.Add($"{Count(CloseLeadStatus.Unknown):N0} unknown (run the import again to settle them)");
        if (Count(CloseLeadStatus.Declined) > 0) parts.Add($"{Count(CloseLeadStatus.Declined):N0} declined");
        var rows = Rows == 1 ? "1 row" : $"{Rows:N0} rows";
        var companies = Companies == 1 ? "1 company" : $"{Companies:N0} companies";
        var file = FailedPath is null ? "" : $" {FailedRowsWritten:N0} {(FailedRowsWritten == 1 ? "row" : "rows")} written to '{FailedPath}'.";
        return string.Create(CultureInfo.InvariantCulture, $"Import-CloseLead: {rows}, {companies}: {string.Join(", ", parts)}, in {Elapsed.TotalSeconds:N1} s.{file}");
    }
}
