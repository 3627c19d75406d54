namespace SupportTools.Tickets.Freshdesk;

/// <summary>
/// One day's or one file's failure that leaves the other days to fetch (a file host that refused, a disk write that
/// failed, an answer of the wrong shape): the cmdlet writes it as a non-terminating error.
/// </summary>
/// <param name="Date">The day concerned.</param>
/// <param name="Target">What failed: the file's path, else the day as <c>yyyy-MM-dd</c>.</param>
/// <param name="Exception">Why (a <see cref="Http.ServiceException"/>, an <see cref="IOException"/>…).</param>
public sealed record FreshdeskExportFailure(DateOnly Date, string Target, Exception Exception);
