namespace SupportTools.Tickets.Freshdesk;

/// <summary>One export file about to be written: which day, which of the day's files, and where.</summary>
/// <param name="Date">The export's day (<c>created_at</c>).</param>
/// <param name="Index">The file's number among the day's files, from 1.</param>
/// <param name="Count">How many files the export lists for the day.</param>
/// <param name="TargetPath">The file written.</param>
/// <param name="Replaces">Whether a file of that name is there already (and is replaced: <c>-Force</c>).</param>
public sealed record FreshdeskExportDownload(DateOnly Date, int Index, int Count, string TargetPath, bool Replaces);
