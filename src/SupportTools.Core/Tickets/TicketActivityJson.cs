using System.Text;

namespace SupportTools.Tickets;

/// <summary>Builds <see cref="TicketActivity"/> objects from activity JSON (the reader lives here, not beside the public type in SupportTools.Model).</summary>
internal static class TicketActivityJson
{
    /// <summary>Builds an activity from its JSON text; throws <see cref="InputFormatException"/> when the JSON is not an activity object.</summary>
    internal static TicketActivity Create(long ticketId, DateTimeOffset performedAt, string performerType, long? performerId, string activityJson)
    {
        var reader = new ActivityBodyReader();
        var facts = reader.Read(activityJson);
        return new TicketActivity(ticketId, performedAt, performerType, performerId, Encoding.UTF8.GetString(reader.Json), facts);
    }
}
