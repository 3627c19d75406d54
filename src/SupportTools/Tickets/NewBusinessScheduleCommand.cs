using System.Management.Automation;
using SupportTools.Tickets;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// <para type="synopsis">Creates a business-hours schedule: weekly wall-clock hours in a time zone, with breaks and holidays.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "BusinessSchedule")]
[OutputType(typeof(BusinessSchedule))]
public sealed class NewBusinessScheduleCommand : SupportToolsCmdlet
{
    /// <summary>The IANA time zone the hours are wall-clock time in (e.g. Europe/London; any case; Windows ids are mapped).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TimeZoneCompleter))]
    public string TimeZone { get; set; } = "";

    /// <summary>
    /// The weekly hours: a hashtable of weekdays (Monday, Mon, Mon-Fri, 'Sat,Sun', Weekdays, Weekend, Daily) to one interval
    /// or several ('09:00-17:00'; '22:00-06:00' runs overnight into the next day; '00:00-24:00' is the whole day);
    /// '24x7' for every hour; @{} for none.
    /// </summary>
    [Parameter(Mandatory = true, Position = 1)]
    [AllowNull]
    [AllowEmptyString]
    public object? Hours { get; set; }

    /// <summary>Times taken out of the hours, in the same form (a single interval applies to every day, e.g. '12:00-13:00').</summary>
    [Parameter]
    public object? Break { get; set; }

    /// <summary>Whole local days without business time: dates (DateTime, or text yyyy-MM-dd) and ranges ('2026-12-24..2026-12-26').</summary>
    [Parameter]
    public object[]? Holiday { get; set; }

    /// <summary>A name for the schedule.</summary>
    [Parameter]
    public string? Name { get; set; }

    /// <inheritdoc />
    protected override void OnEnd()
    {
        var schedule = TicketService.NewBusinessSchedule(Name, TimeZone, ScheduleInput.Pairs(Hours, nameof(Hours)),
            ScheduleInput.Pairs(Break, nameof(Break)), ScheduleInput.Holidays(Holiday));
        WriteVerbose($"Schedule in {schedule.TimeZone}: {schedule.Hours} ({schedule.WeeklyHours:0.##} hours a week), {schedule.Holidays.Count} holiday entries.");
        WriteObject(schedule);
    }
}
