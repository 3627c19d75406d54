namespace SupportTools.Tests.Calls;

/// <summary>
/// One inbound customer call as Kazoo records it, in each of its shapes. Two legs: the customer's inbound A-leg and the
/// agent phone's outbound B-leg, bridged; the A-leg started at 2016-03-04T08:00:00Z and both ended at 08:01:05Z.
/// <list type="bullet">
/// <item>Raw CDR documents: the fields of Kazoo's CDR schema (2600hz/kazoo applications/crossbar/doc/cdrs.md:
/// <c>call_id</c>, <c>call_direction</c> "relative to the media switch", <c>timestamp</c> "UTC timestamp, in gregorian
/// seconds, of when the CDR was generated" (at hang-up), durations as strings, <c>other_leg_call_id</c>,
/// <c>custom_channel_vars</c> with <c>bridge_id</c> "typically the A-leg's call-id") and the top-level
/// <c>interaction_id</c> (<c>kzd_cdrs:interaction_id/2</c>: <c>kz_json:get_binary_value([&lt;&lt;"interaction_id"&gt;&gt;], Doc)</c>,
/// formatted <c>&lt;timestamp:11&gt;-&lt;key&gt;</c> as <c>cb_cdrs:load_legs/2</c> matches it).</item>
/// <item>A crossbar <c>GET /v2/accounts/{id}/cdrs</c> listing row: the columns of <c>cb_cdrs.erl</c>'s <c>?COLUMNS</c>
/// (2600hz/kazoo applications/crossbar/src/modules/cb_cdrs.erl), where <c>timestamp</c> is already the start
/// (<c>kzd_cdrs:timestamp(JObj, 0) - Duration</c>), <c>unix_timestamp</c> its Unix seconds, <c>datetime</c>
/// <c>"~4..0w-~2..0w-~2..0w ~2..0w:~2..0w:~2..0w"</c>, and <c>direction</c> the document's <c>call_direction</c>.
/// The listing has no <c>ringing_seconds</c>.</item>
/// <item>The same listing as CSV (<c>Accept: text/csv</c>): the same columns as a header, the values as text (the
/// column list Kazoo 4.3 keeps in core/kazoo_documents/src/kzd_cdrs.hrl, <c>?COLUMNS</c>, for the export and tasks).</item>
/// </list>
/// </summary>
internal static class KazooShapes
{
    /// <summary>2016-03-04T08:00:00Z, the A-leg's start, in Unix seconds.</summary>
    public const long StartUnix = 1457078400;

    /// <summary>The A-leg's end in Gregorian seconds (start + 65 s): the raw document's <c>timestamp</c>.</summary>
    public const long EndGregorian = 63624297665;

    public const string Interaction = "63624297600-5f0c2a71";

    public const string RawALeg = """
        {"_id":"201603-a-leg-1","app_name":"ecallmgr","app_version":"4.0.0","billing_seconds":"60","call_direction":"inbound",
         "call_id":"a-leg-1","callee_id_name":"Support","callee_id_number":"+6493001000","caller_id_name":"Ann Smith",
         "caller_id_number":"+6434181234","custom_channel_vars":{"account_id":"0123456789abcdef0123456789abcdef","bridge_id":"a-leg-1",
         "interaction_id":"63624297600-5f0c2a71","resource_type":"offnet-origination","global_resource":"true"},
         "disposition":"SEND_BYE","duration_seconds":"65","from":"+6434181234@sip.example.net","from_uri":"+6434181234@203.0.113.5",
         "hangup_cause":"NORMAL_CLEARING","hangup_code":"sip:200","interaction_id":"63624297600-5f0c2a71","interaction_key":"5f0c2a71",
         "interaction_time":63624297600,"media_server":"fs1.example.net","node":"ecallmgr@kz1.example.net","other_leg_call_id":"b-leg-1",
         "presence_id":"6493001000@sip.example.net","request":"+6493001000@sip.example.net","ringing_seconds":"5","timestamp":63624297665,
         "to":"+6493001000@sip.example.net","to_uri":"+6493001000@sip.example.net","user_agent":"Carrier SBC","pvt_type":"cdr",
         "pvt_vsn":"2","pvt_created":63624297665,"pvt_modified":63624297665,"pvt_account_id":"0123456789abcdef0123456789abcdef"}
        """;

    public const string RawBLeg = """
        {"_id":"201603-b-leg-1","billing_seconds":"58","call_direction":"outbound","call_id":"b-leg-1","callee_id_name":"Agent 1001",
         "callee_id_number":"1001","caller_id_name":"Ann Smith","caller_id_number":"+6434181234",
         "custom_channel_vars":{"account_id":"0123456789abcdef0123456789abcdef","authorizing_type":"device","bridge_id":"a-leg-1",
         "interaction_id":"63624297600-5f0c2a71","owner_id":"u1"},"duration_seconds":"63","hangup_cause":"NORMAL_CLEARING",
         "interaction_id":"63624297600-5f0c2a71","other_leg_call_id":"a-leg-1","ringing_seconds":"3","timestamp":63624297665,
         "to":"1001@sip.example.net","pvt_type":"cdr"}
        """;

    /// <summary>The A-leg as a listing row (JSON), with the listing's <c>rate</c>, <c>cost</c> and other columns.</summary>
    public const string ListingALeg = """
        {"id":"201603-a-leg-1","call_id":"a-leg-1","caller_id_number":"+6434181234","caller_id_name":"Ann Smith",
         "callee_id_number":"+6493001000","callee_id_name":"Support","duration_seconds":"65","billing_seconds":"60",
         "timestamp":63624297600,"hangup_cause":"NORMAL_CLEARING","other_leg_call_id":"b-leg-1","owner_id":"",
         "to":"+6493001000@sip.example.net","from":"+6434181234@sip.example.net","direction":"inbound",
         "request":"+6493001000@sip.example.net","authorizing_id":"","cost":"0","dialed_number":"+6493001000",
         "calling_from":"+6434181234","datetime":"2016-03-04 08:00:00","unix_timestamp":1457078400,
         "rfc_1036":"Fri, 04 Mar 2016 08:00:00 GMT","iso_8601":"2016-03-04","call_type":"","rate":"0.0","rate_name":"",
         "bridge_id":"a-leg-1","recording_url":"","media_recordings":[],"media_server":"fs1.example.net","call_priority":"",
         "interaction_id":"63624297600-5f0c2a71"}
        """;

    /// <summary>A saved crossbar response around listing rows (<c>cb_cdrs</c> to_json: data, page_size, next_start_key, start_key).</summary>
    public static string Response(params string[] rows) =>
        $$"""{"page_size":{{rows.Length}},"start_key":63624384000,"next_start_key":63624211200,"data":[{{string.Join(",\n", rows)}}],"revision":"undefined","timestamp":"2016-03-05T00:00:00Z","version":"4.3.0","node":"kz1","request_id":"r1","status":"success","auth_token":"t"}""";

    /// <summary>The A-leg in the listing's CSV export (header = the JSON listing's keys).</summary>
    public const string ListingCsv =
        "id,call_id,caller_id_number,caller_id_name,callee_id_number,callee_id_name,duration_seconds,billing_seconds,timestamp,hangup_cause," +
        "other_leg_call_id,owner_id,to,from,direction,request,authorizing_id,cost,dialed_number,calling_from,datetime,unix_timestamp," +
        "rfc_1036,iso_8601,call_type,rate,rate_name,bridge_id,recording_url,media_recordings,media_server,call_priority,interaction_id\r\n" +
        "201603-a-leg-1,a-leg-1,+6434181234,Ann Smith,+6493001000,Support,65,60,63624297600,NORMAL_CLEARING,b-leg-1,," +
        "+6493001000@sip.example.net,+6434181234@sip.example.net,inbound,+6493001000@sip.example.net,,0,+6493001000,+6434181234," +
        "2016-03-04 08:00:00,1457078400,\"Fri, 04 Mar 2016 08:00:00 GMT\",2016-03-04,,0.0,,a-leg-1,,,fs1.example.net,,63624297600-5f0c2a71\r\n";
}
