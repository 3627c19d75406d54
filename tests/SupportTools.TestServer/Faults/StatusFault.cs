namespace SupportTools.TestServer.Faults;

/// <summary>See <see cref="Fault.Status"/>.</summary>
internal sealed record StatusFault(int StatusCode, RateLimitHint Hint, TimeSpan ResetAfter) : Fault
{
    public override string Name => $"Status({StatusCode})";

    internal override Task ApplyAsync(FaultTarget target)
    {
        // The policy's limit and window when there is one, this fault's reset either way.
        var state = (target.RateLimit ?? RateLimitState.Exhausted(ResetAfter)) with { Allowed = false, Reset = ResetAfter };
        return RateLimitHeaders.WriteRefusalAsync(target.Http.Response, StatusCode, Hint, state);
    }
}
