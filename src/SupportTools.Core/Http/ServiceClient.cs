using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly;
using Polly.Retry;

namespace SupportTools.Http;

/// <summary>
/// The module's one HTTP client: every service capability (Desk, Close) sends through it. Retries transient failures
/// (429, 5xx, timeouts, broken connections, cut-off answers) with Polly's exponential backoff and jitter, honouring
/// the server's hints (<see cref="ServerHints"/>) and sharing them across concurrent requests (<see cref="RateGate"/>);
/// a bounded number of attempts, then a <see cref="ServiceException"/> that names the request. Requests that must not
/// run twice (creates) are only retried when the server certainly did not act, or after the caller's
/// <see cref="ServiceRequest.Reconcile"/> check. One verbose line per attempt; headers and bodies are never logged.
/// </summary>
internal sealed class ServiceClient : IDisposable
{
    /// <summary>
    /// Attempts for a request that finds no server (connection refused, unknown host): for a hosted API that is a wrong
    /// address far more often than an outage, so the user hears of it in a few seconds, not after every retry.
    /// </summary>
    internal const int NotConnectedAttempts = 3;

    private static readonly string UserAgent =
        "SupportTools/" + (typeof(ServiceClient).Assembly.GetName().Version?.ToString(3) ?? "0");

    private readonly ServiceClientOptions _options;
    private readonly IOperationReporter _reporter;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _slots;
    private readonly RateGate _gate;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<Attempt> _retry;
    private readonly SecretScrubber _scrubber;

    /// <summary>A client for the service in <paramref name="options"/>; verbose lines and waits go to <paramref name="reporter"/>.</summary>
    public ServiceClient(ServiceClientOptions options, IOperationReporter reporter)
        : this(options, reporter, TimeProvider.System)
    {
    }

    internal ServiceClient(ServiceClientOptions options, IOperationReporter reporter, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1);
        _options = options;
        _reporter = reporter ?? NullReporter.Instance;
        _time = time;
        _gate = new RateGate(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxResponseBytes, 1);
        // One answer is held as one array.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxResponseBytes, Array.MaxLength);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRedirects);
        _slots = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        _scrubber = options.Signer is { } signer ? new SecretScrubber(() => signer.Secrets) : SecretScrubber.None;
        var handler = options.Handler ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = options.AttemptTimeout,
            // Decompressed here (ResponseBody) so the decompressed size can be capped; redirects followed here
            // (same origin only, signed again) so credentials never go to another host.
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = options.MaxConcurrency,
        };
        _http = new HttpClient(handler, disposeHandler: options.Handler is null) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var encoding in new[] { "gzip", "deflate", "br" })
            _http.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        _retry = new ResiliencePipelineBuilder<Attempt> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } attempt && ShouldRetry(attempt, Request(args.Context))),
                // The server's hint, when it gave one, instead of the backoff.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.Hints.RetryAfter),
                OnRetry = args =>
                {
                    var attempt = args.Outcome.Result!;
                    var why = attempt.Hints.RetryAfter is null ? "backoff" : "as the server asked";
                    _reporter.Verbose($"{_options.ServiceName} {Request(args.Context).Method.Method} {Shown(args.Context)}: retrying in {Seconds(args.RetryDelay)} ({why}).");
                    return default;
                },
            })
            .Build();
    }

    /// <summary>
    /// Sends <paramref name="request"/> until it succeeds or the attempts are used up; returns the 2xx answer, read
    /// completely, or throws a <see cref="ServiceException"/> that names the request and says why.
    /// </summary>
    public async Task<ServiceResponse> SendAsync(ServiceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = RequestTarget.Resolve(_options.BaseUri, request.Target)
            ?? throw new ServiceException(ServiceFailure.InvalidResponse, _options.ServiceName, request.Method,
                Uri.TryCreate(request.Target, UriKind.RelativeOrAbsolute, out var shown) ? shown : _options.BaseUri, null, 0,
                $"the link leaves {_options.BaseUri.GetLeftPart(UriPartial.Authority)}; credentials are only sent to the address given");
        var exchange = new Exchange(request, uri);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ExchangeKey, exchange);
        var started = _time.GetTimestamp();
        try
        {
            var last = await _retry.ExecuteAsync(
                static (ctx, client) => client.AttemptAsync(ctx.Properties.GetValue(ExchangeKey, null!), ctx.CancellationToken),
                context, this).ConfigureAwait(false);
            if (last.Reconciled is { } reconciled)
                return reconciled;
            if (last.Succeeded)
                return new ServiceResponse(request.Method, uri, last.Status!.Value, last.Body!, last.Number, _time.GetElapsedTime(started), _options.ServiceName);
            throw Failure(last, request, uri);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>GETs <paramref name="target"/> and parses the answer as JSON.</summary>
    public async Task<JsonDocument> GetJsonAsync(string target, CancellationToken cancellationToken) =>
        (await SendAsync(new ServiceRequest(HttpMethod.Get, target), cancellationToken).ConfigureAwait(false)).ParseJson();

    /// <summary>POSTs <paramref name="body"/> to <paramref name="target"/> (not idempotent: see <see cref="ServiceRequest.Reconcile"/>) and parses the answer.</summary>
    public async Task<JsonDocument> PostJsonAsync(string target, JsonNode body, CancellationToken cancellationToken) =>
        (await SendAsync(new ServiceRequest(HttpMethod.Post, target) { Body = body }, cancellationToken).ConfigureAwait(false)).ParseJson();

    /// <summary>
    /// <paramref name="text"/> (a server's words) with this client's secrets, and their base64 and URL-encoded forms,
    /// blanked out: for callers that put what a server said into messages or files of their own.
    /// </summary>
    internal string Scrub(string text) => _scrubber.Scrub(text);

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        _slots.Dispose();
    }

    private static readonly ResiliencePropertyKey<Exchange> ExchangeKey = new("SupportTools.Exchange");

    private static ServiceRequest Request(ResilienceContext context) => context.Properties.GetValue(ExchangeKey, null!).Request;

    private static string Shown(ResilienceContext context) => RequestTarget.ForLog(context.Properties.GetValue(ExchangeKey, null!).Uri);

    private async ValueTask<Attempt> AttemptAsync(Exchange exchange, CancellationToken cancellationToken)
    {
        var number = ++exchange.Attempts;
        if (exchange.Ambiguous && exchange.Request.Reconcile is { } reconcile)
        {
            _reporter.Verbose($"{_options.ServiceName} {exchange.Request.Method.Method} {RequestTarget.ForLog(exchange.Uri)}: checking whether the earlier attempt took effect before sending again.");
            if (await reconcile(cancellationToken).ConfigureAwait(false) is { } found)
                return new Attempt { Number = number, Reconciled = found };
        }
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            var attempt = await ExchangeOnceAsync(exchange, number, cancellationToken).ConfigureAwait(false);
            // Sticky: once an attempt may have acted, every later resend looks first (a 429 after a drop included).
            exchange.Ambiguous |= !exchange.Request.IsIdempotent && attempt.MaybeActed && !attempt.Succeeded;
            if (attempt.Hints is { HoldAll: true, RetryAfter: { } wait } && wait <= _options.MaxDelay)
                _gate.HoldUntil(_time.GetUtcNow() + wait);
            return attempt;
        }
        finally
        {
            _slots.Release();
        }
    }

    private HttpRequestMessage Message(HttpMethod method, Uri uri, JsonNode? body)
    {
        var message = new HttpRequestMessage(method, uri);
        if (body is not null)
            message.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        _options.Signer?.Sign(message);
        return message;
    }

    private async Task<Attempt> ExchangeOnceAsync(Exchange exchange, int number, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.AttemptTimeout);
        var started = Stopwatch.GetTimestamp();
        int? status = null;
        HttpResponseHeaders? headers = null;
        Attempt Log(Attempt attempt)
        {
            var outcome = attempt.Fault switch
            {
                AttemptFault.None => $"{attempt.Status} {ReasonPhrase(attempt.Status!.Value)}",
                AttemptFault.Timeout => $"no answer within {Seconds(_options.AttemptTimeout)}",
                AttemptFault.NotConnected => "could not connect",
                AttemptFault.NotTrusted => "certificate refused",
                AttemptFault.TooLarge => $"{status}, answer too large (over {AnswerTooLargeException.Size(_options.MaxResponseBytes)})",
                AttemptFault.RedirectRefused => $"{status}, redirect not followed",
                _ => status is null ? "connection broken" : $"{status}, answer cut off",
            };
            _reporter.Verbose($"{_options.ServiceName} {exchange.Request.Method.Method} {RequestTarget.ForLog(exchange.Uri)}: {outcome} in {attempt.Elapsed.TotalMilliseconds:0} ms (attempt {number} of {_options.MaxAttempts})");
            return attempt;
        }

        try
        {
            var method = exchange.Request.Method;
            var uri = exchange.Uri;
            var body = exchange.Request.Body;
            HttpResponseMessage response;
            for (var redirects = 0; ; redirects++)
            {
                using (var message = Message(method, uri, body))
                    response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
                headers = response.Headers;
                if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location)
                    break;
                response.Dispose();
                var next = Uri.TryCreate(uri, location, out var resolved) ? RequestTarget.Resolve(_options.BaseUri, resolved.AbsoluteUri) : null;
                var refusal = next is null
                    ? $"it redirected to {(resolved is null ? "an invalid address" : RequestTarget.ForDisplay(resolved))}, outside {_options.BaseUri.GetLeftPart(UriPartial.Authority)}; credentials are only sent to the address given, so the redirect was not followed"
                    : redirects == _options.MaxRedirects ? $"it redirected more than {_options.MaxRedirects} times" : null;
                if (refusal is not null)
                    return Log(new Attempt { Number = number, Status = status, Fault = AttemptFault.RedirectRefused, Error = new InvalidOperationException(refusal), Elapsed = Stopwatch.GetElapsedTime(started) });
                _reporter.Verbose($"{_options.ServiceName} {method.Method} {RequestTarget.ForLog(uri)}: {status} {ReasonPhrase(status.Value)}, following the redirect to {RequestTarget.ForLog(next!)} (same origin)");
                // 303 (and 301/302 after a POST, as browsers do) ask for a GET of the new address; 307/308 repeat the request.
                if (status == 303 || (status is 301 or 302 && method == HttpMethod.Post))
                    (method, body) = (HttpMethod.Get, null);
                uri = next!;
            }
            using var answer = response;
            byte[] content;
            if (exchange.Request.Destination is { } destination && status is >= 200 and < 300)
            {
                destination.SetLength(0);
                await ResponseBody.CopyAsync(answer.Content, destination, _options.MaxResponseBytes, timeout.Token).ConfigureAwait(false);
                await destination.FlushAsync(timeout.Token).ConfigureAwait(false);
                content = [];
            }
            else
            {
                content = await ResponseBody.ReadAsync(answer.Content, _options.MaxResponseBytes, timeout.Token).ConfigureAwait(false);
            }
            return Log(new Attempt
            {
                Number = number,
                Status = status,
                Body = content,
                Hints = ServerHints.From(status.Value, headers, content, _time.GetUtcNow()),
                Elapsed = Stopwatch.GetElapsedTime(started),
            });
        }
        catch (DestinationWriteException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.Failure);
            throw; // not reached
        }
        catch (AnswerTooLargeException e)
        {
            return Log(new Attempt { Number = number, Status = status, Fault = AttemptFault.TooLarge, Error = e, Elapsed = Stopwatch.GetElapsedTime(started) });
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return Log(new Attempt { Number = number, Status = status, Fault = AttemptFault.Timeout, Error = e, Elapsed = Stopwatch.GetElapsedTime(started) });
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.SecureConnectionError && e.InnerException is System.Security.Authentication.AuthenticationException && status is null)
        {
            return Log(new Attempt { Number = number, Fault = AttemptFault.NotTrusted, Error = e, Elapsed = Stopwatch.GetElapsedTime(started) });
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError && status is null)
        {
            return Log(new Attempt { Number = number, Fault = AttemptFault.NotConnected, Error = e, Elapsed = Stopwatch.GetElapsedTime(started) });
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException)
        {
            return Log(new Attempt
            {
                Number = number,
                Status = status,
                Fault = AttemptFault.Broken,
                Hints = status is { } code && headers is not null ? ServerHints.From(code, headers, null, _time.GetUtcNow()) : ServerHints.None,
                Error = e,
                Elapsed = Stopwatch.GetElapsedTime(started),
            });
        }
    }

    /// <summary>Whether another attempt may help and is safe.</summary>
    private bool ShouldRetry(Attempt attempt, ServiceRequest request)
    {
        if (attempt.Succeeded)
            return false;
        if (attempt.Hints.RetryAfter is { } wait && wait > _options.MaxDelay)
            return false;
        if (attempt.Number >= AttemptsFor(attempt.Fault))
            return false;
        var transient = attempt.Fault != AttemptFault.None || attempt.Status is 429 or 500 or 502 or 503 or 504;
        if (!transient)
            return false;
        return request.IsIdempotent || !attempt.MaybeActed || request.Reconcile is not null;
    }

    /// <summary>The attempts a request gets while its attempts end with <paramref name="fault"/>.</summary>
    private int AttemptsFor(AttemptFault fault) => fault switch
    {
        AttemptFault.NotTrusted => 1, // a refused certificate stays refused
        AttemptFault.TooLarge or AttemptFault.RedirectRefused => 1, // the same request brings the same answer
        AttemptFault.NotConnected => Math.Min(NotConnectedAttempts, _options.MaxAttempts),
        _ => _options.MaxAttempts,
    };

    private ServiceException Failure(Attempt last, ServiceRequest request, Uri uri)
    {
        var failure = FailureOf(last, request, uri);
        failure.AnswerBody = last.Body;
        return failure;
    }

    private ServiceException FailureOf(Attempt last, ServiceRequest request, Uri uri)
    {
        var name = _options.ServiceName;
        var attempts = last.Number;
        if (last.Hints.RetryAfter is { } wait && wait > _options.MaxDelay)
            return new ServiceException(_scrubber, ServiceFailure.RateLimited, name, request.Method, uri, last.Status, attempts,
                $"the server asks to wait {Seconds(wait)}, longer than the {Seconds(_options.MaxDelay)} allowed; try again later", ServiceMessage(last));
        if (last.Fault == AttemptFault.TooLarge)
            return new ServiceException(_scrubber, ServiceFailure.ResponseTooLarge, name, request.Method, uri, last.Status, attempts,
                last.Error!.Message + "; it was not retried" + (request.IsIdempotent ? "" : " (the request may have taken effect)"), null, last.Error);
        if (last.Fault == AttemptFault.RedirectRefused)
            return new ServiceException(_scrubber, ServiceFailure.RedirectRefused, name, request.Method, uri, last.Status, attempts,
                last.Error!.Message, null, last.Error);
        if (!request.IsIdempotent && request.Reconcile is null && last.MaybeActed && (last.Fault != AttemptFault.None || last.Status >= 500))
            return new ServiceException(_scrubber, ServiceFailure.Ambiguous, name, request.Method, uri, last.Status, attempts,
                "the request may or may not have taken effect (it was sent, then " + Why(last) + "), so it was not sent again; check before repeating it",
                ServiceMessage(last), last.Error);
        return last.Fault switch
        {
            AttemptFault.Timeout => new ServiceException(_scrubber, ServiceFailure.Timeout, name, request.Method, uri, last.Status, attempts,
                $"no complete answer within {Seconds(_options.AttemptTimeout)}", null, last.Error),
            AttemptFault.NotConnected => new ServiceException(_scrubber, ServiceFailure.Network, name, request.Method, uri, null, attempts,
                $"could not connect ({last.Error?.Message})", null, last.Error),
            AttemptFault.NotTrusted => new ServiceException(_scrubber, ServiceFailure.NotTrusted, name, request.Method, uri, null, attempts,
                $"the server's certificate was refused ({last.Error?.InnerException?.Message}); check the host name in the address and that this machine trusts the certificate",
                null, last.Error),
            AttemptFault.Broken => new ServiceException(_scrubber, ServiceFailure.Network, name, request.Method, uri, last.Status, attempts,
                Why(last), null, last.Error),
            _ => last.Status switch
            {
                401 => new ServiceException(_scrubber, ServiceFailure.Authentication, name, request.Method, uri, 401, attempts,
                    "the credentials were refused; check the user, password or API key", ServiceMessage(last)),
                403 => new ServiceException(_scrubber, ServiceFailure.PermissionDenied, name, request.Method, uri, 403, attempts,
                    "these credentials may not do this", ServiceMessage(last)),
                404 => new ServiceException(_scrubber, ServiceFailure.NotFound, name, request.Method, uri, 404, attempts,
                    "no such resource; check -BaseUri and the identifiers", ServiceMessage(last)),
                429 => new ServiceException(_scrubber, ServiceFailure.RateLimited, name, request.Method, uri, 429, attempts,
                    "the rate limit was still exceeded after every retry", ServiceMessage(last)),
                >= 500 => new ServiceException(_scrubber, ServiceFailure.ServerError, name, request.Method, uri, last.Status, attempts,
                    "the service failed on every attempt", ServiceMessage(last)),
                _ => new ServiceException(_scrubber, ServiceFailure.Rejected, name, request.Method, uri, last.Status, attempts,
                    "the service refused the request", ServiceMessage(last)),
            },
        };
    }

    private static string Why(Attempt attempt) => attempt.Fault switch
    {
        AttemptFault.Timeout => "no answer came in time",
        AttemptFault.Broken when attempt.Status is not null => "the answer was cut off",
        AttemptFault.Broken => "the connection broke before an answer",
        _ => $"it answered HTTP {attempt.Status}",
    };

    /// <summary>The server's own words from an error body: <c>error</c>, <c>message</c>, field errors; else its first line of text.</summary>
    private static string? ServiceMessage(Attempt attempt)
    {
        if (attempt.Body is not { Length: > 0 } body)
            return null;
        string? said;
        try
        {
            using var json = JsonDocument.Parse(body);
            said = json.RootElement.ValueKind == JsonValueKind.Object ? JsonErrorText(json.RootElement) : null;
        }
        catch (JsonException)
        {
            var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 400));
            said = text.TrimStart().StartsWith('<') ? null : text.Split('\n')[0].Trim();
        }
        return string.IsNullOrWhiteSpace(said) ? null : said.Length > 300 ? said[..300] + "…" : said;
    }

    private static string? JsonErrorText(JsonElement root)
    {
        var parts = new List<string>();
        if (root.TryGetProperty("error", out var nested) && nested.ValueKind == JsonValueKind.Object)
            root = nested;
        foreach (var name in new[] { "error", "message", "description" })
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            {
                parts.Add(text);
                break;
            }
        foreach (var name in new[] { "field-errors", "errors" })
            if (root.TryGetProperty(name, out var errors))
            {
                if (errors.ValueKind == JsonValueKind.Object)
                    parts.AddRange(errors.EnumerateObject().Select(field => $"{field.Name}: {Flatten(field.Value)}"));
                else if (errors.ValueKind == JsonValueKind.Array)
                    parts.AddRange(errors.EnumerateArray().Select(Flatten));
            }
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string Flatten(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Flatten)),
        _ => value.GetRawText(),
    };

    private static string ReasonPhrase(int status) =>
        Enum.IsDefined(typeof(System.Net.HttpStatusCode), status) ? ((System.Net.HttpStatusCode)status).ToString() : "";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString(span.TotalSeconds < 10 ? "0.0#" : "0", CultureInfo.InvariantCulture) + " s";

    /// <summary>One request's state across its attempts.</summary>
    private sealed class Exchange(ServiceRequest request, Uri uri)
    {
        public ServiceRequest Request { get; } = request;
        public Uri Uri { get; } = uri;
        public int Attempts { get; set; }
        /// <summary>The last attempt of a non-idempotent request failed after the server may have acted.</summary>
        public bool Ambiguous { get; set; }
    }
}
