using System.Collections;
using System.Globalization;
using System.Management.Automation;
using SupportTools.Tickets;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// Turns what users give <c>New-BusinessSchedule</c> into the (weekdays, interval) texts Core reads: a hashtable of
/// weekdays to one interval or several (<c>@{ 'Mon-Fri' = '09:00-12:00', '13:00-17:00' }</c>), <c>'24x7'</c>, or one
/// interval for every day; and holidays as dates (DateTime, DateTimeOffset) or text.
/// </summary>
internal static class ScheduleInput
{
    /// <summary>The (weekdays, interval) pairs <paramref name="value"/> stands for; <paramref name="parameter"/> names it in errors.</summary>
    public static List<(string Days, string Interval)> Pairs(object? value, string parameter)
    {
        var pairs = new List<(string, string)>();
        switch (Unwrap(value))
        {
            case null:
                return pairs;
            case string text when TicketService.IsAllWeek(text):
                pairs.Add(("Daily", "00:00-24:00"));
                return pairs;
            case string text:
                pairs.Add(("Daily", text));
                return pairs;
            case IDictionary table:
                foreach (DictionaryEntry entry in table)
                {
                    var days = Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? "";
                    foreach (var interval in Intervals(entry.Value, parameter, days))
                        pairs.Add((days, interval));
                }
                return pairs;
            default:
                throw new InvalidRequestException($"-{parameter} takes a hashtable of weekdays and intervals, e.g. @{{ 'Mon-Fri' = '09:00-17:00' }}, or '24x7'.");
        }
    }

    private static IEnumerable<string> Intervals(object? value, string parameter, string days) => Unwrap(value) switch
    {
        string text => [text],
        IEnumerable list => list.Cast<object?>().Select(item => Unwrap(item) as string
            ?? throw new InvalidRequestException($"-{parameter} '{days}': expected interval texts such as '09:00-17:00'.")),
        _ => throw new InvalidRequestException($"-{parameter} '{days}': expected an interval such as '09:00-17:00' or several."),
    };

    /// <summary>Holidays as Core's date texts: a DateTime or DateTimeOffset is its date; text is read as given.</summary>
    public static IEnumerable<string> Holidays(object[]? values) =>
        (values ?? []).Select(Unwrap).Where(v => v is not null).Select(value => value switch
        {
            DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        });

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
