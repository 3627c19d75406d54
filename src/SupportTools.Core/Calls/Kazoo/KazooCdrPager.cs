using System.Globalization;
using System.Text.Json;
using SupportTools.Http;

namespace SupportTools.Calls.Kazoo;

/// <summary>
/// Pulls the CDR listing of one account over a time range: the range split into windows crossbar accepts
/// (<see cref="KazooCdrWindow"/>), each window's pages followed through <c>next_start_key</c> (sent back as
/// <c>start_key</c>) until a page has none, every row turned into a <see cref="CallRecord"/> and emitted as its page
/// arrives, so memory holds one page. A window crossbar refuses as too long is split to the limit it states; a
/// <c>next_start_key</c> that repeats, or a page that is not crossbar's envelope, stops the pull naming the request.
/// </summary>
internal sealed class KazooCdrPager(KazooSession session, KazooCdrQuery query, IOperationReporter reporter)
{
    private long _records, _pages;

    /// <summary>Pulls everything, passing each record to <paramref name="emit"/> and each unreadable row to <paramref name="badRow"/> (null: it stops the pull).</summary>
    public async Task<long> PullAsync(Action<CallRecord> emit, Action<InputFormatException>? badRow, CancellationToken cancellationToken)
    {
        query.Validate();
        if (session.AccountId is null && query.AccountId is null) await session.AuthenticateAsync(cancellationToken).ConfigureAwait(false);
        var account = query.AccountId ?? session.AccountId
            ?? throw new InvalidRequestException("crossbar's authentication answer names no account: give -AccountId.");
        var maxSeconds = (long)query.MaxRange.TotalSeconds;
        var end = query.To.ToUnixTimeSeconds() + (query.To.Ticks % TimeSpan.TicksPerSecond == 0 ? 0 : 1);
        var pending = new Queue<KazooCdrWindow>(KazooCdrWindow.Split(query.From.ToUnixTimeSeconds(), end, maxSeconds));
        var done = 0;
        reporter.Verbose($"Kazoo: CDRs of account {account} created from {query.From:O} to {query.To:O}, in {pending.Count} request range(s) of at most {maxSeconds} s, {query.PageSize} per page.");
        while (pending.TryPeek(out var window))
        {
            try
            {
                await PullWindowAsync(account, window, done + 1, done + pending.Count, emit, badRow, cancellationToken).ConfigureAwait(false);
                pending.Dequeue();
                done++;
            }
            catch (KazooRangeRefused refused)
            {
                // Crossbar allows less than asked: split what is left at its limit, once per limit it states.
                reporter.Warning($"Kazoo allows at most {refused.MaxRangeSeconds} s per request (its crossbar.cdrs maximum_range), less than the {maxSeconds} s asked: splitting the rest of the range finer.");
                maxSeconds = refused.MaxRangeSeconds;
                var last = pending.Last().CreatedTo;
                pending = new Queue<KazooCdrWindow>(KazooCdrWindow.Split(CallTimes.FromGregorian(window.CreatedFrom), CallTimes.FromGregorian(last) + 1, maxSeconds));
            }
        }
        reporter.Verbose($"Kazoo: {_records.ToString("N0", CultureInfo.InvariantCulture)} CDRs in {_pages.ToString(CultureInfo.InvariantCulture)} page(s), {session.Authentications} authentication(s).");
        return _records;
    }

    private async Task PullWindowAsync(string account, KazooCdrWindow window, int number, int windows, Action<CallRecord> emit,
        Action<InputFormatException>? badRow, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? startKey = null;
        for (var page = 1; ; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = string.Create(CultureInfo.InvariantCulture,
                $"/v2/accounts/{Uri.EscapeDataString(account)}/cdrs?created_from={window.CreatedFrom}&created_to={window.CreatedTo}&page_size={query.PageSize}")
                + (startKey is null ? "" : "&start_key=" + Uri.EscapeDataString(startKey));
            using var document = await session.GetJsonAsync(target, (e, refusal) => RangeRefusal(e, refusal, window, startKey is null), cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                throw Invalid(target, $"the answer is not crossbar's CDR listing (an object with a \"data\" list), but {Describe(root)}");
            var row = 0;
            foreach (var cdr in data.EnumerateArray())
            {
                row++;
                CallRecord record;
                try
                {
                    record = KazooCdrDocument.ToCallRecord(cdr);
                }
                catch (Exception e) when (e is CallFieldException or InputFormatException)
                {
                    var problem = new InputFormatException(
                        $"CDR {row} of page {page} of GET {target} cannot be read: {(e is InputFormatException input ? input.Reason : e.Message)}",
                        field: e is InputFormatException { Field: { } field } ? field : null, item: cdr.GetRawText(), inner: e);
                    if (badRow is null) throw problem;
                    badRow(problem);
                    continue;
                }
                emit(record);
                _records++;
            }
            _pages++;
            reporter.Progress($"Range {number} of {windows} ({window}), page {page}", _records, null);
            var next = NextStartKey(root, target);
            if (next is null) return;
            if (!seen.Add(next))
                throw Invalid(target, $"its next_start_key ({next}) was already followed in this range; stopped after {page} pages instead of pulling forever");
            startKey = next;
        }
    }

    /// <summary>A range refusal as what it means for the pull: split finer (the limit is known), or a clear error.</summary>
    private Exception? RangeRefusal(ServiceException e, KazooRefusal refusal, KazooCdrWindow window, bool firstPage)
    {
        if (!refusal.IsRangeError) return null;
        if (firstPage && refusal.MaxRangeSeconds is { } limit && limit >= 1 && limit < window.Span)
            return new KazooRangeRefused(limit, refusal.Text);
        return KazooSession.Refused(e, refusal,
            $"crossbar refused the time range {window} ({window.Span} s) as too long or invalid; its crossbar.cdrs maximum_range is shorter than the range asked per request");
    }

    /// <summary>The key of the next page, as text to send back (crossbar gives a string, older ones a number); null at the end.</summary>
    private string? NextStartKey(JsonElement root, string target)
    {
        if (!root.TryGetProperty("next_start_key", out var next)) return null;
        return next.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => next.GetString() is { Length: > 0 } key ? key : null,
            JsonValueKind.Number => next.GetRawText(),
            JsonValueKind.Array or JsonValueKind.Object => next.GetRawText(),
            _ => throw Invalid(target, $"its next_start_key is {next.GetRawText()}, not a key"),
        };
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object without a \"data\" list",
        JsonValueKind.Array => "a bare list",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private ServiceException Invalid(string target, string reason) =>
        new(ServiceFailure.InvalidResponse, KazooCdrService.ServiceName, HttpMethod.Get, new Uri(session.BaseUri, target), 200, 1, reason);
}
