namespace SupportTools.Tickets.BusinessHours;

/// <summary>
/// Wall-clock business time on one local day: from <see cref="Start"/> up to (not including) <see cref="End"/>, both
/// measured from that day's midnight; <see cref="End"/> may be 24:00 (the end of the day).
/// </summary>
internal readonly record struct DayInterval(TimeSpan Start, TimeSpan End)
{
    /// <summary>A whole day, 00:00-24:00.</summary>
    public static DayInterval WholeDay { get; } = new(TimeSpan.Zero, TimeSpan.FromDays(1));

    /// <summary>Its wall-clock length.</summary>
    public TimeSpan Length => End - Start;

    /// <inheritdoc />
    public override string ToString() => $"{Clock(Start)}-{Clock(End)}";

    /// <summary>HH:mm (and :ss when needed); 24:00 for the end of the day.</summary>
    public static string Clock(TimeSpan time) =>
        time.Seconds == 0 ? $"{(int)time.TotalHours:00}:{time.Minutes:00}" : $"{(int)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}";
}
