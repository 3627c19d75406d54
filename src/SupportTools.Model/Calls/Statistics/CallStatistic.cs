namespace SupportTools.Calls;

/// <summary>
/// Call statistics for one period (and group): <c>Get-CallStatistic</c>'s rows. Durations are <c>duration_seconds</c>
/// (the whole call, as the Kazoo service reports them); the median of an even count is the mean of the two middle
/// values. A row for an empty period (<c>-IncludeEmpty</c>) has zero counts and null statistics.
/// </summary>
public sealed class CallStatistic(DateTimeOffset period, string periodLabel, string? group, long total, long? durationMin, long? durationMax,
    double? durationMedian, double? durationMean, long answered, double? answerSeizureRatio, double? averageCallDuration)
{
    /// <summary>The start of the period, with the time zone's UTC offset at that moment.</summary>
    public DateTimeOffset Period { get; } = period;
    /// <summary>The start of the period as the service labels it: local time, <c>HH:mm:ss dd/MM/yyyy</c>.</summary>
    public string PeriodLabel { get; } = periodLabel;
    /// <summary>The group's value with <c>-GroupBy</c> (<c>inbound</c>/<c>outbound</c>, or <c>0</c>/<c>1</c> for unanswered); null without.</summary>
    public string? Group { get; } = group;
    /// <summary>Calls in the period (and group).</summary>
    public long Total { get; } = total;
    /// <summary>The shortest call, in seconds.</summary>
    public long? DurationMin { get; } = durationMin;
    /// <summary>The longest call, in seconds.</summary>
    public long? DurationMax { get; } = durationMax;
    /// <summary>The median call duration, in seconds.</summary>
    public double? DurationMedian { get; } = durationMedian;
    /// <summary>The mean call duration, in seconds.</summary>
    public double? DurationMean { get; } = durationMean;
    /// <summary>Calls that were answered (not <c>unanswered</c>).</summary>
    public long Answered { get; } = answered;
    /// <summary>Answered calls as a share of all calls (0 to 1).</summary>
    public double? AnswerSeizureRatio { get; } = answerSeizureRatio;
    /// <summary>The mean duration of the answered calls, in seconds; null when none was answered.</summary>
    public double? AverageCallDuration { get; } = averageCallDuration;

    /// <summary>
    /// For a grouped row: the statistics of its whole period (all groups), which the service's JSON gives beside the
    /// groups and which cannot be derived from the groups' medians. Null for ungrouped rows (they are the whole period).
    /// </summary>
    internal CallStatistic? PeriodTotal { get; set; }

    /// <summary>A row for a period without calls.</summary>
    internal static CallStatistic Empty(DateTimeOffset period, string label, string? group) =>
        new(period, label, group, 0, null, null, null, null, 0, null, null);
}
