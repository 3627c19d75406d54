using System.Diagnostics;
using SupportTools.Close;
using SupportTools.Http;
using SupportTools.TestServer;
using SupportTools.TestServer.Close;

namespace SupportTools.Bench;

/// <summary>
/// close-import: <c>--rows</c> lead rows (some invalid, some companies with several rows) cleaned and imported into the
/// Close mock, which allows <c>--rate</c> requests a second (Close's own style: 429 with <c>rate_reset</c>) and fails 5%
/// of requests at random (429, 500, 502, 503, resets, drops after the lead was created, cut-off answers). Reports the
/// time against the rate-limit bound — the fewest requests the import needs (one custom-field read and one create per
/// lead) at the allowed rate — and checks that every lead was created exactly once.
/// </summary>
internal static class CloseImportBench
{
    public static int Run(BenchOptions options) => RunAsync(options).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(BenchOptions options)
    {
        var failures = 0;
        for (var run = 1; run <= options.Repeat; run++)
        foreach (var faultRate in new[] { 0.0, 0.05 })
        {
            var mock = new CloseMock();
            await using var server = await LoopbackServer.StartAsync(mock.Map,
                new LoopbackServerOptions { RateLimit = new RateLimitPolicy(options.Rate, TimeSpan.FromSeconds(1), RateLimitHint.JsonRateReset) });
            if (faultRate > 0) server.Faults.Random(faultRate, 100 + run, Fault.Status(429, RateLimitHint.JsonRateReset, TimeSpan.FromSeconds(1)), Fault.Status(500), Fault.Status(502),
                Fault.Status(503), Fault.Reset(), Fault.DropAfterHandling(), Fault.Truncated());
            var (rows, invalid) = CloseLeadSample.Rows(options.Rows, 11);
            var clock = Stopwatch.StartNew();
            var drafts = rows.Select(new CloseLeadCleaner().Clean).ToList();
            var plans = CloseLeadPlan.Group(drafts);
            var cleaning = clock.Elapsed;
            var clientOptions = new ServiceClientOptions
            {
                BaseUri = server.BaseUri, ServiceName = "Close", Signer = new BasicAuthSigner(mock.ApiKey, ""), MaxAttempts = 10,
                MaxConcurrency = CloseLeadService.Concurrency,
            };
            var outcomes = new List<CloseLeadOutcome>();
            await new CloseLeadService(clientOptions).ImportAsync(new CloseLeadImportRequest { Drafts = drafts }, NullReporter.Instance,
                o => { lock (outcomes) outcomes.Add(o); }, CancellationToken.None);
            var elapsed = clock.Elapsed;

            // One custom-field read, one look-up search per batch of names (leads that exist are skipped), one create per lead.
            var needed = 1 + (plans.Count + CloseLeadService.LookupBatch - 1) / CloseLeadService.LookupBatch + plans.Count;
            var bound = TimeSpan.FromSeconds((double)needed / options.Rate);
            var sent = server.Requests.Count;
            // Requests the server counted against the limit (all but those it refused for the limit): what the time
            // is bound by once faults add retries and lookups.
            var counted = server.Requests.Count(r => r.Fault != "RateLimit");
            var countedBound = TimeSpan.FromSeconds((double)counted / options.Rate);
            var duplicates = mock.Creations.Count(pair => pair.Value != 1);
            var missing = plans.Count(plan => !mock.Creations.ContainsKey(plan.Name));
            var failed = outcomes.Count(o => o.Result.Status == CloseLeadStatus.Failed);
            Console.WriteLine(
                $"close-import run {run}: {options.Rows:N0} rows ({invalid.Count} invalid), {plans.Count:N0} leads at {options.Rate}/s with {faultRate:P0} faults: " +
                $"{elapsed.TotalSeconds:N1} s (cleaning {cleaning.TotalSeconds:N1} s); rate-limit bound {bound.TotalSeconds:N1} s ({needed:N0} requests) -> {elapsed / bound:P0} of it; " +
                $"{sent:N0} requests sent, {counted:N0} counted by the limit (bound {countedBound.TotalSeconds:N1} s -> {elapsed / countedBound:P0} of it), " +
                $"{server.Requests.Count(r => r.Fault is not null && r.Fault != "RateLimit"):N0} injected faults, {server.Requests.Count(r => r.Fault == "RateLimit"):N0} refused by the limit; " +
                $"duplicates {duplicates}, missing {missing}, failed {failed}.");
            if (duplicates + missing + failed > 0) failures++;
            if (Environment.GetEnvironmentVariable("CLOSE_BENCH_TRACE") is not null)
            {
                // Per second of the run: requests the limit counted and refused (is every window used fully?).
                var t0 = server.Requests.Min(r => r.Received);
                foreach (var g in server.Requests.GroupBy(r => (int)(r.Received - t0).TotalSeconds).OrderBy(g => g.Key))
                    Console.WriteLine($"  {g.Key,3}s: {g.Count(r => r.Fault is null),3} ok {g.Count(r => r.Fault == "RateLimit"),3} limited  first {(g.Min(r => r.Received) - t0).TotalMilliseconds:0} last {(g.Max(r => r.Received) - t0).TotalMilliseconds:0}");
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
