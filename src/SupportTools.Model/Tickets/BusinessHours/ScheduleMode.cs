namespace SupportTools.Tickets;

/// <summary>Which version of a business schedule measures a span when the schedule changes during it.</summary>
public enum ScheduleMode
{
    /// <summary>
    /// The whole span is measured with the version in force at its end, as Zendesk's own ticket metrics do (the
    /// schedule is looked up when the event that ends the span happens).
    /// </summary>
    AtEvent,

    /// <summary>
    /// The span is split at each change and every part is measured with the version in force then, as fivetran's
    /// dbt_zendesk package does (its business-minutes models join each span to the schedule valid for each week).
    /// </summary>
    Cumulative,
}
