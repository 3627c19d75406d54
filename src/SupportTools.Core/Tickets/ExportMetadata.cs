namespace SupportTools.Tickets;

/// <summary>The export file's <c>metadata</c> object.</summary>
internal sealed record ExportMetadata(DateTimeOffset? StartAt, DateTimeOffset? EndAt, long? ActivitiesCount);
