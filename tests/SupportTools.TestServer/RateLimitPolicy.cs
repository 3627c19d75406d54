namespace SupportTools.TestServer;

/// <summary>
/// A fixed-window rate limit: at most <paramref name="Requests"/> requests per <paramref name="Window"/> (windows counted
/// from the server's start); a request over it gets a 429 with the <paramref name="Hint"/>.
/// </summary>
/// <param name="Requests">Requests allowed per window (at least 1).</param>
/// <param name="Window">The window's length (positive).</param>
/// <param name="Hint">How the 429 (and, for the header styles, every response) states the limit and its reset.</param>
public sealed record RateLimitPolicy(int Requests, TimeSpan Window, RateLimitHint Hint);
