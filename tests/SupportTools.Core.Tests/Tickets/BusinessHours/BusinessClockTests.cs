using SupportTools.Tickets;

namespace SupportTools.Core.Tests.Tickets.BusinessHours;

/// <summary>
/// Business time on wall-clock schedules. DST dates from the tz database: Europe/London springs forward on 29 March 2026
/// (01:00 GMT becomes 02:00 BST) and falls back on 25 October 2026 (02:00 BST becomes 01:00 GMT); America/New_York on
/// 8 March 2026 (02:00 EST to 03:00 EDT) and 1 November 2026 (02:00 EDT to 01:00 EST).
/// </summary>
public sealed class BusinessClockTests
{
    private static BusinessSchedule Schedule(string zone, params (string Days, string Interval)[] hours) =>
        TicketService.NewBusinessSchedule(null, zone, hours, [], []);

    private static double Hours(BusinessSchedule schedule, string start, string end, ScheduleMode mode = ScheduleMode.Cumulative) =>
        TicketService.MeasureBusinessTime(schedule, DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture), mode).TotalHours;

    [Theory]
    // Whole days: the spring-forward Sunday has 23 wall-clock hours, the fall-back Sunday 24 (the repeated hour counts once).
    [InlineData("Europe/London", "2026-03-29T00:00:00+00:00", "2026-03-30T00:00:00+01:00", 23)]
    [InlineData("Europe/London", "2026-10-25T00:00:00+01:00", "2026-10-26T00:00:00+00:00", 24)]
    [InlineData("America/New_York", "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 23)]
    [InlineData("America/New_York", "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 24)]
    // An ordinary day.
    [InlineData("Europe/London", "2026-06-10T00:00:00+01:00", "2026-06-11T00:00:00+01:00", 24)]
    public void A_whole_day_is_its_wall_clock_hours(string zone, string start, string end, double expected) =>
        Assert.Equal(expected, Hours(Schedule(zone, ("Daily", "00:00-24:00")), start, end), 9);

    [Theory]
    // 00:30-03:00 on the London spring-forward day: 01:00-02:00 does not exist, so 1.5 hours.
    [InlineData("Europe/London", "2026-03-29", "00:30-03:00", 1.5)]
    // 01:30-03:00 on the fall-back day: 01:30-02:00 first pass, 01:00-02:00 second pass skipped, 02:00-03:00: 1.5 hours.
    [InlineData("Europe/London", "2026-10-25", "01:30-03:00", 1.5)]
    // Entirely inside the skipped hour: nothing.
    [InlineData("America/New_York", "2026-03-08", "02:15-02:45", 0)]
    // Entirely inside the repeated hour: counted once.
    [InlineData("America/New_York", "2026-11-01", "01:15-01:45", 0.5)]
    [InlineData("America/New_York", "2026-11-01", "00:00-03:00", 3)]
    public void An_interval_over_a_clock_change_counts_wall_clock_time(string zone, string date, string interval, double expected)
    {
        // Every change day is a Sunday: a Sunday-only schedule, measured over a window well around that day.
        var schedule = Schedule(zone, ("Sun", interval));
        var day = DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DayOfWeek.Sunday, day.DayOfWeek);
        Assert.Equal(expected, Hours(schedule, $"{day.AddDays(-1):yyyy-MM-dd}T12:00:00Z", $"{day.AddDays(1):yyyy-MM-dd}T12:00:00Z"), 9);
    }

    [Theory]
    // Friday 22:00-06:00 runs into Saturday: Friday 20:00 to Saturday 12:00 holds 8 hours.
    [InlineData("2026-11-06T20:00:00Z", "2026-11-07T12:00:00Z", 8)]
    // Sunday's overnight interval runs into Monday.
    [InlineData("2026-11-09T00:00:00Z", "2026-11-09T12:00:00Z", 6)]
    // Starting inside the interval.
    [InlineData("2026-11-07T05:00:00Z", "2026-11-07T07:00:00Z", 1)]
    public void Overnight_intervals_split_at_midnight(string start, string end, double expected) =>
        Assert.Equal(expected, Hours(Schedule("UTC", ("Fri", "22:00-06:00"), ("Sun", "22:00-06:00")), start, end), 9);

    [Fact]
    public void Breaks_and_holidays_take_time_out()
    {
        var schedule = TicketService.NewBusinessSchedule("desk", "Europe/London", [("Mon-Fri", "09:00-17:00")], [("Daily", "12:00-13:00")],
            ["2026-12-25", "2026-12-28..2026-12-29"]);
        Assert.Equal(35, schedule.WeeklyHours);
        // Week of 21-27 December 2026: Monday-Thursday 7 hours each, Christmas Day off.
        Assert.Equal(28, Hours(schedule, "2026-12-21T00:00:00Z", "2026-12-28T00:00:00Z"), 9);
        // 28 and 29 December are a range of holidays; the 30th counts.
        Assert.Equal(7, Hours(schedule, "2026-12-28T00:00:00Z", "2026-12-31T00:00:00Z"), 9);
    }

    [Fact]
    public void A_holiday_removes_the_after_midnight_part_of_an_overnight_interval()
    {
        var schedule = TicketService.NewBusinessSchedule(null, "UTC", [("Fri", "22:00-06:00")], [], ["2026-11-07"]);
        Assert.Equal(2, Hours(schedule, "2026-11-06T00:00:00Z", "2026-11-08T00:00:00Z"), 9);
    }

    [Fact]
    public void Empty_and_24x7_schedules_are_valid()
    {
        var empty = TicketService.NewBusinessSchedule(null, "UTC", [], [], []);
        var always = TicketService.NewBusinessSchedule(null, "UTC", [("Daily", "00:00-24:00")], [], []);
        Assert.Equal(0, Hours(empty, "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"));
        Assert.Null(TicketService.AddBusinessTime(empty, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(1)));
        Assert.Equal(31 * 24, Hours(always, "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"), 9);
        Assert.Equal(168, always.WeeklyHours);
    }

    [Theory]
    // Friday 16:00 + 2 business hours on Mon-Fri 09:00-17:00 is Monday 10:00.
    [InlineData("2026-11-06T16:00:00Z", 2, "2026-11-09T10:00:00Z")]
    // From before opening.
    [InlineData("2026-11-09T07:00:00Z", 1, "2026-11-09T10:00:00Z")]
    // Exactly a day's hours ends at closing.
    [InlineData("2026-11-09T09:00:00Z", 8, "2026-11-09T17:00:00Z")]
    public void Adding_business_time_walks_the_schedule(string start, double hours, string expected)
    {
        var schedule = Schedule("Europe/London", ("Mon-Fri", "09:00-17:00"));
        var due = TicketService.AddBusinessTime(schedule, DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(hours));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due);
    }

    [Theory]
    [InlineData(ScheduleMode.Cumulative, 8 + 10)]  // Friday by the old hours (8), Monday by the new (10)
    [InlineData(ScheduleMode.AtEvent, 10 + 10)]     // both days by the version in force at the end (Monday)
    public void Schedule_changes_are_measured_by_the_mode(ScheduleMode mode, double expected)
    {
        var schedule = ScheduleFile("""
            { "timeZone": "Europe/London", "versions": [
                { "hours": { "Mon-Fri": "09:00-17:00" } },
                { "effectiveFrom": "2026-11-09", "hours": { "Mon-Fri": "08:00-18:00" } } ] }
            """);
        Assert.Equal(expected, Hours(schedule, "2026-11-06T00:00:00Z", "2026-11-10T00:00:00Z", mode), 9);
        Assert.Equal(2, schedule.Versions.Count);
        Assert.Equal(new DateTime(2026, 11, 9), schedule.Versions[1].EffectiveFrom);
    }

    [Theory]
    [InlineData("""{ "hours": { "Mon-Fri": "09:00-17:00" } }""", "timeZone")]
    [InlineData("""{ "timeZone": "Europe/London", "hours": { "Mon-Fri": "9-17" } }""", "hours.Mon-Fri")]
    [InlineData("""{ "timeZone": "Europe/London", "hours": { "Someday": "09:00-17:00" } }""", "hours.Someday")]
    [InlineData("""{ "timeZone": "Europe/London", "holidays": ["25/12/2026"] }""", "holidays[0]")]
    [InlineData("""{ "timeZone": "Europe/London", "versions": [ { "hours": {} }, { "hours": {} } ] }""", "versions[1].effectiveFrom")]
    [InlineData("""{ "timeZone": "Europe/London", "versions": [ { "hours": {} }, { "effectiveFrom": "04/01/2027", "hours": {} } ] }""", "versions[1].effectiveFrom")]
    [InlineData("""{ "timeZone": "Europe/London", "versions": [ { "hours": {} }, { "effectiveFrom": "2027-01-04", "hours": {} }, { "effectiveFrom": "2026-01-04", "hours": {} } ] }""", "versions")]
    public void A_malformed_file_names_the_field(string json, string field)
    {
        var exception = Assert.Throws<InputFormatException>(() => ScheduleFile(json));
        Assert.Equal(field, exception.Field);
        Assert.NotNull(exception.Path);
    }

    [Theory]
    [InlineData("09:00-09:00")]
    [InlineData("25:00-26:00")]
    [InlineData("nine to five")]
    public void Bad_interval_text_is_an_argument_error(string interval) =>
        Assert.Throws<InvalidRequestException>(() => TicketService.NewBusinessSchedule(null, "UTC", [("Mon", interval)], [], []));

    private static BusinessSchedule ScheduleFile(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"schedule-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            return TicketService.ImportBusinessSchedule(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
