namespace SupportTools.Tickets;

/// <summary>A file of ticket activities being written: an export file (JSON) or a CSV file. Nothing replaces the target until <see cref="Complete"/>.</summary>
internal interface ITicketActivityFileWriter : IDisposable
{
    /// <summary>Activities written.</summary>
    long Count { get; }
    /// <summary>Distinct tickets written.</summary>
    long TicketCount { get; }
    /// <summary>The earliest performed_at written (or the window's start).</summary>
    DateTimeOffset? StartAt { get; }
    /// <summary>The latest performed_at written (or the window's end).</summary>
    DateTimeOffset? EndAt { get; }
    /// <summary>Writes one activity.</summary>
    void Write(TicketActivity activity);
    /// <summary>Finishes the file and moves it into place.</summary>
    void Complete(bool noClobber = false);
}
