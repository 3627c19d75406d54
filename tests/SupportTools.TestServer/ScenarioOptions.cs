using System.Globalization;

namespace SupportTools.TestServer;

/// <summary>
/// The <c>--name value</c> pairs a scenario was started with. The options every scenario shares are parsed here once:
/// <c>--rate-limit 20/1s</c>, <c>--rate-limit-hint RateLimitHeader</c>, <c>--fault-rate 0.05</c>, <c>--seed 1</c>,
/// <c>--fault-kinds 429,500,502,503,reset,drop,truncated,notjson,delay:35s,huge:1g,gzipbomb:4g</c>. A malformed value is an
/// <see cref="ArgumentException"/> naming the option.
/// </summary>
public sealed class ScenarioOptions
{
    private readonly Dictionary<string, string> _values;

    private ScenarioOptions(Dictionary<string, string> values, RateLimitHint defaultHint)
    {
        _values = values;
        var hint = Get("rate-limit-hint", defaultHint);
        RateLimit = _values.TryGetValue("rate-limit", out var limit) ? ParseRateLimit(limit, hint) : null;
        FaultRate = Get("fault-rate", 0.0);
        if (FaultRate is < 0 or > 1) throw Invalid("fault-rate", _values["fault-rate"], "a probability from 0 to 1");
        Seed = Get("seed", 1);
        FaultKinds = _values.TryGetValue("fault-kinds", out var kinds)
            ? kinds.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(kind => ParseFault(kind, hint)).ToArray()
            : [Fault.Status(429, hint), Fault.Status(500), Fault.Status(502), Fault.Status(503), Fault.Reset(), Fault.DropAfterHandling(), Fault.Truncated()];
        if (FaultKinds.Count == 0) throw Invalid("fault-kinds", kinds!, "at least one kind");
    }

    /// <summary>All options as given (names without the leading <c>--</c>, case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary><c>--rate-limit N/window</c> (<c>20/1s</c>, <c>600/15s</c>, <c>5/500ms</c>) with <c>--rate-limit-hint</c> or the scenario's default; null when not given.</summary>
    public RateLimitPolicy? RateLimit { get; }

    /// <summary><c>--fault-rate</c>: the probability that a request meets one of <see cref="FaultKinds"/> (0 when not given).</summary>
    public double FaultRate { get; }

    /// <summary><c>--seed</c> for the random faults and for any data a scenario generates (1 when not given).</summary>
    public int Seed { get; }

    /// <summary><c>--fault-kinds</c>, default 429 (with the rate-limit hint), 500, 502, 503, reset, drop, truncated.</summary>
    public IReadOnlyList<Fault> FaultKinds { get; }

    /// <summary>Reads <c>--name value</c> pairs.</summary>
    public static ScenarioOptions Parse(IReadOnlyList<string> arguments, RateLimitHint defaultHint = RateLimitHint.RetryAfterSeconds)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < arguments.Count; i += 2)
        {
            if (!arguments[i].StartsWith("--", StringComparison.Ordinal) || arguments[i].Length == 2)
                throw new ArgumentException($"Expected an option such as --pages, found '{arguments[i]}'.");
            if (i + 1 == arguments.Count)
                throw new ArgumentException($"The option {arguments[i]} has no value.");
            values[arguments[i][2..]] = arguments[i + 1];
        }
        return new ScenarioOptions(values, defaultHint);
    }

    /// <summary>The value of <c>--name</c> as <typeparamref name="T"/> (invariant culture; enums by name), or <paramref name="defaultValue"/> when not given.</summary>
    public T Get<T>(string name, T defaultValue)
    {
        if (!_values.TryGetValue(name, out var text)) return defaultValue;
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        try
        {
            return (T)(type.IsEnum ? Enum.Parse(type, text, ignoreCase: true) : Convert.ChangeType(text, type, CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw Invalid(name, text, type.IsEnum ? string.Join(", ", Enum.GetNames(type)) : "a " + type.Name);
        }
    }

    /// <summary>A duration: <c>500ms</c>, <c>1.5s</c>, <c>2m</c>, or a TimeSpan (<c>00:00:01</c>).</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        (string Suffix, double Scale)[] units = [("ms", 1), ("s", 1000), ("m", 60_000)];
        foreach (var (suffix, scale) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text.AsSpan(0, text.Length - suffix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number >= 0)
            {
                duration = TimeSpan.FromMilliseconds(number * scale);
                return true;
            }
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
    }

    private static RateLimitPolicy ParseRateLimit(string text, RateLimitHint hint)
    {
        var parts = text.Split('/');
        var window = parts.Length == 2 && parts[1].Length > 0 && !char.IsDigit(parts[1][0]) ? "1" + parts[1] : parts.ElementAtOrDefault(1) ?? "";
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var requests) || requests < 1
            || !TryParseDuration(window, out var length) || length <= TimeSpan.Zero)
            throw Invalid("rate-limit", text, "requests/window such as 20/1s, 20/s or 600/15s");
        return new RateLimitPolicy(requests, length, hint);
    }

    private static Fault ParseFault(string text, RateLimitHint hint)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 400 and <= 599)
            return Fault.Status(status, status == 429 ? hint : RateLimitHint.None);
        if (text.StartsWith("delay:", StringComparison.OrdinalIgnoreCase) && TryParseDuration(text[6..], out var delay))
            return Fault.Delay(delay);
        if (text.StartsWith("huge:", StringComparison.OrdinalIgnoreCase) && TryParseSize(text[5..], out var huge))
            return Fault.HugeBody(huge, declareLength: false);
        if (text.StartsWith("gzipbomb:", StringComparison.OrdinalIgnoreCase) && TryParseSize(text[9..], out var expanded))
            return Fault.GzipBomb(expanded);
        return text.ToLowerInvariant() switch
        {
            "reset" => Fault.Reset(),
            "drop" => Fault.DropAfterHandling(),
            "truncated" => Fault.Truncated(),
            "notjson" => Fault.NotJson(),
            _ => throw Invalid("fault-kinds", text, "a status 400-599, reset, drop, truncated, notjson, delay:<duration>, huge:<size> or gzipbomb:<size>"),
        };
    }

    /// <summary>A size in bytes: <c>4096</c>, <c>64k</c>, <c>200m</c>, <c>1g</c> (binary multiples).</summary>
    public static bool TryParseSize(string text, out long bytes)
    {
        var scale = char.ToLowerInvariant(text.Length > 0 ? text[^1] : ' ') switch { 'k' => 1L << 10, 'm' => 1L << 20, 'g' => 1L << 30, _ => 1L };
        var digits = scale == 1 ? text : text[..^1];
        var ok = long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 && number <= long.MaxValue / scale;
        bytes = ok ? number * scale : 0;
        return ok;
    }

    private static ArgumentException Invalid(string name, string value, string expected) =>
        new($"--{name} '{value}' is not valid: expected {expected}.");
}
