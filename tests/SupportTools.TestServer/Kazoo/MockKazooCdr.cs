using System.Globalization;
using System.Text.Json;

namespace SupportTools.TestServer.Kazoo;

/// <summary>
/// One generated CDR (one call leg) as Kazoo stores it, written as a crossbar <c>/v2/accounts/{id}/cdrs</c> listing row:
/// the columns of cb_cdrs.erl's <c>?COLUMNS</c> (2600hz/kazoo 4.3, applications/crossbar/src/modules/cb_cdrs.erl), where
/// <c>timestamp</c> is the leg's start (the document's <c>timestamp</c>, when the CDR was written at hang-up, minus
/// <c>duration_seconds</c>), given as a string of Gregorian seconds like <c>unix_timestamp</c>, and the direction column
/// is named <c>direction</c>.
/// </summary>
/// <param name="Id">The document id (<c>yyyymm-&lt;call id&gt;</c> in the account's MODB).</param>
/// <param name="CallId">The leg's call id.</param>
/// <param name="Created">The document's <c>timestamp</c>: Gregorian seconds when the leg ended (what created_from/to select on).</param>
/// <param name="DurationSeconds">The listing column of that name (snake case).</param>
/// <param name="BillingSeconds">The listing column of that name (snake case).</param>
/// <param name="Direction">The listing column of that name (snake case).</param>
/// <param name="CallerIdNumber">The listing column of that name (snake case).</param>
/// <param name="CallerIdName">The listing column of that name (snake case).</param>
/// <param name="CalleeIdNumber">The listing column of that name (snake case).</param>
/// <param name="CalleeIdName">The listing column of that name (snake case).</param>
/// <param name="HangupCause">The listing column of that name (snake case).</param>
/// <param name="OtherLegCallId">The listing column of that name (snake case).</param>
/// <param name="InteractionId">The listing column of that name (snake case).</param>
/// <param name="BridgeId">The listing column of that name (snake case).</param>
/// <param name="OwnerId">The listing column of that name (snake case).</param>
/// <param name="Request">The listing column of that name (snake case).</param>
/// <param name="To">The listing column of that name (snake case).</param>
/// <param name="From">The listing column of that name (snake case).</param>
public sealed record MockKazooCdr(string Id, string CallId, long Created, long DurationSeconds, long BillingSeconds, string Direction,
    string CallerIdNumber, string CallerIdName, string CalleeIdNumber, string CalleeIdName, string HangupCause, string? OtherLegCallId,
    string InteractionId, string BridgeId, string OwnerId, string Request, string To, string From)
{
    /// <summary>Gregorian seconds at the Unix epoch (Erlang's calendar).</summary>
    public const long GregorianUnixEpoch = 62_167_219_200;

    /// <summary>When the leg started, as the listing gives it (Gregorian seconds).</summary>
    public long Start => Created - DurationSeconds;

    /// <summary>When the leg started.</summary>
    public DateTimeOffset StartTime => DateTimeOffset.FromUnixTimeSeconds(Start - GregorianUnixEpoch);

    /// <summary>
    /// Writes the listing row; <paramref name="broken"/> writes <c>duration_seconds</c> as <c>"n/a"</c>, which no reader
    /// can take for a number (a damaged document, for the client's per-row errors).
    /// </summary>
    public void Write(Utf8JsonWriter json, bool broken = false)
    {
        var start = StartTime;
        var unix = Start - GregorianUnixEpoch;
        json.WriteStartObject();
        json.WriteString("id", Id);
        json.WriteString("call_id", CallId);
        json.WriteString("caller_id_number", CallerIdNumber);
        json.WriteString("caller_id_name", CallerIdName);
        json.WriteString("callee_id_number", CalleeIdNumber);
        json.WriteString("callee_id_name", CalleeIdName);
        if (broken) json.WriteString("duration_seconds", "n/a");
        else json.WriteNumber("duration_seconds", DurationSeconds);
        json.WriteNumber("billing_seconds", BillingSeconds);
        json.WriteString("timestamp", Start.ToString(CultureInfo.InvariantCulture));
        json.WriteString("hangup_cause", HangupCause);
        json.WriteString("other_leg_call_id", OtherLegCallId ?? "");
        json.WriteString("owner_id", OwnerId);
        json.WriteString("to", To);
        json.WriteString("from", From);
        json.WriteString("direction", Direction);
        json.WriteString("request", Request);
        json.WriteString("authorizing_id", OwnerId);
        json.WriteString("cost", "0");
        json.WriteString("dialed_number", Direction == "inbound" ? Request.Split('@')[0] : To.Split('@')[0]);
        json.WriteString("calling_from", Direction == "inbound" ? CallerIdNumber : From.Split('@')[0]);
        json.WriteString("datetime", start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        json.WriteString("unix_timestamp", unix.ToString(CultureInfo.InvariantCulture));
        json.WriteString("rfc_1036", start.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture));
        json.WriteString("iso_8601", start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("iso_8601_combined", start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteString("call_type", "flat_rate");
        json.WriteString("rate", "0.0");
        json.WriteString("rate_name", "");
        json.WriteString("bridge_id", BridgeId);
        json.WriteString("recording_url", "");
        json.WriteStartArray("media_recordings");
        json.WriteEndArray();
        json.WriteString("media_server", "fs1.kazoo.example.com");
        json.WriteString("call_priority", "");
        json.WriteString("interaction_id", InteractionId);
        json.WriteEndObject();
    }
}
