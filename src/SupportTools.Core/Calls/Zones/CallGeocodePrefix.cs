using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace SupportTools.Calls;

/// <summary>
/// How many leading digits of a number decide the geocoder's answer (<see cref="CallGeocoder"/>), so numbers that share
/// them share one answer and an import of millions of distinct numbers asks libphonenumber once per prefix. The rule is
/// read from libphonenumber's own data for the country calling code, and proves the trailing digits cannot matter:
/// <list type="bullet">
/// <item>validity, type and region are full matches of the metadata's national-number patterns (of every region sharing
/// the code) plus length checks: when every top-level alternative that can match a national number of this length
/// ends in digit tokens (<c>[0-9]</c>, <c>[0-9]{m}</c>, <c>[0-9]{m,n}</c>) at least <c>k</c> long, changing the last
/// <c>k</c> digits to other digits never changes whether a pattern matches (the key keeps the length; an alternative
/// without quantifiers matches nothing longer than its atoms);</item>
/// <item>the place is the geocoder's longest-prefix lookup in its English data: once the kept digits are no key's
/// proper beginning, every number sharing them matches the same longest key (one more digit is kept where the code has
/// a mobile token, as Argentina's). Decided per number: most numbers of a country match a short key, and only the few whose
/// beginnings lead on to longer keys keep more digits (an Australian landline kept 10 of 11 digits when every number
/// kept as many as the longest key);</item>
/// <item>parsing strips a national prefix and picks a region by leading digits: both are matched at the start through
/// patterns without quantifiers, whose matches are no longer than their atoms, so they lie within the kept digits;
/// only the main region's national prefix is stripped (the parser reads the code's main region); kept digits it could strip are not shared at all (see <see cref="MayStrip"/>), so the national
/// number keeps its length.</item>
/// </list>
/// A code whose data falls outside these shapes keeps every digit (no sharing). Tests compare the shared answers with
/// the geocoder's own on numbers of every region and type.
/// </summary>
internal static partial class CallGeocodePrefix
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    // Keyed by code * 1000 + national length * 10 + first digit: an integer hashes faster than a tuple, once per number.
    private static readonly ConcurrentDictionary<int, Rule> Rules = new();
    private static readonly ConcurrentDictionary<int, Regex[]> NationalPrefixes = new();
    /// <summary>Whether each value below 1,000 is a country calling code (asked once per number, up to three times).</summary>
    private static readonly bool[] IsCode = [.. Enumerable.Range(0, 1000).Select(code => code > 0 && Util.GetRegionCodeForCountryCode(code) != "ZZ")];
    /// <summary>Whether each calling code has a mobile token (Argentina's 9 after the code): one more digit is kept for it.</summary>
    private static readonly bool[] HasMobileToken = [.. Enumerable.Range(0, 1000).Select(code => code > 0 && PhoneNumberUtil.GetCountryMobileToken(code).Length > 0)];
    /// <summary>By calling code: the proper beginnings of the English geocoding data's keys (see <see cref="PlaceDigits"/>), made on first use.</summary>
    private static readonly HashSet<long>?[] KeyBeginnings = new HashSet<long>?[1000];

    /// <summary>
    /// What a calling code's data allows for numbers of one length: trailing digits that never decide, and the digits
    /// parsing always needs (the calling code, national prefixes and leading digits); the place decides more per number.
    /// </summary>
    internal readonly record struct Rule(int FreeDigits, int KeptDigits);

    /// <summary>
    /// The number of leading digits of <paramref name="digits"/> (international, no <c>+</c>) that decide its zone
    /// provided <see cref="MayStrip"/> is false for them; <paramref name="digits"/>' length when all of them may decide.
    /// </summary>
    public static int DecidingLength(ReadOnlySpan<byte> digits, out int codeLength)
    {
        codeLength = CodeLength(digits);
        if (codeLength == 0) return digits.Length;
        var code = Value(digits[..codeLength]);
        var nationalLength = digits.Length - codeLength;
        if (nationalLength > 99) return digits.Length;
        var rule = Rules.GetOrAdd(code * 1000 + nationalLength * 10 + (digits[codeLength] - '0'),
            key => RuleFor(key / 1000, key / 10 % 100, (char)('0' + key % 10)));
        if (rule.KeptDigits == 0) return digits.Length; // data of a shape the rule does not know
        var deciding = Math.Max(digits.Length - rule.FreeDigits, PlaceDigits(code, digits, rule.KeptDigits) + (HasMobileToken[code] ? 1 : 0));
        if (deciding >= digits.Length) return digits.Length;
        // Leading zeros of the national number are counted by the parser: kept digits must show where they end.
        return digits[codeLength..deciding].ContainsAnyExcept((byte)'0') ? deciding : digits.Length;
    }

    /// <summary>
    /// Whether a national prefix could be stripped from a national number starting with <paramref name="national"/>
    /// (kept digits, at least as long as any such prefix): then its length changes and the rule does not hold.
    /// </summary>
    public static bool MayStrip(int code, ReadOnlySpan<byte> national)
    {
        var text = System.Text.Encoding.ASCII.GetString(national);
        foreach (var prefix in NationalPrefixes.GetOrAdd(code, PrefixesFor))
            if (prefix.IsMatch(text)) return true;
        return false;
    }

    /// <summary>
    /// The rule for calling code <paramref name="code"/> and national numbers of <paramref name="nationalLength"/> digits
    /// starting with <paramref name="first"/>.
    /// </summary>
    internal static Rule RuleFor(int code, int nationalLength, char first)
    {
        try
        {
            var metadata = Metadata(code);
            if (metadata.Count == 0) return new Rule(0, 0);
            var free = int.MaxValue;
            var parsing = 0;
            foreach (var region in metadata)
            {
                foreach (var desc in new[] { region.GeneralDesc, region.FixedLine, region.Mobile, region.TollFree, region.PremiumRate, region.SharedCost,
                                             region.PersonalNumber, region.Voip, region.Pager, region.Uan, region.Voicemail, region.NoInternationalDialling })
                {
                    var pattern = desc?.NationalNumberPattern ?? "";
                    if (pattern.Length > 0) free = Math.Min(free, TrailingDigits(pattern, nationalLength, first));
                }
                parsing = Math.Max(parsing, MaxLength(region.LeadingDigits));
            }
            parsing = Math.Max(parsing, MaxLength(MainRegion(code)?.NationalPrefixForParsing));
            if (free == int.MaxValue || parsing == int.MaxValue) return new Rule(0, 0);
            var codeLength = code.ToString(CultureInfo.InvariantCulture).Length;
            return new Rule(free, codeLength + parsing);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or ArgumentException or InvalidOperationException or FormatException)
        {
            return new Rule(0, 0); // data of a shape this rule does not know: keep every digit
        }
    }

    /// <summary>
    /// The fewest digits every full match of <paramref name="pattern"/> of <paramref name="length"/> characters starting
    /// with <paramref name="first"/> ends with from trailing digit tokens, over its top-level alternatives that can match
    /// such a text (0 when one ends otherwise).
    /// </summary>
    internal static int TrailingDigits(string pattern, int length, char first)
    {
        var fewest = int.MaxValue;
        foreach (var alternative in TopLevelAlternatives(pattern))
        {
            var (shortest, longest) = Lengths(alternative);
            if (length < shortest || length > longest || !MayStartWith(alternative, first)) continue; // cannot match such a number
            var digits = 0;
            var rest = alternative;
            while (true)
            {
                if (TrailingDigitToken().Match(rest) is { Success: true } token)
                {
                    digits += token.Groups[1].Success ? int.Parse(token.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
                    rest = rest[..token.Index];
                }
                // An optional group of digit tokens only (50[0-9]{5}(?:[0-9]{2,3})?): its digits, if any, are digits too.
                else if (TrailingOptionalDigits().Match(rest) is { Success: true } optional) rest = rest[..optional.Index];
                else break;
            }
            fewest = Math.Min(fewest, digits);
        }
        return fewest;
    }

    /// <summary>The longest text <paramref name="pattern"/> can match (int.MaxValue when unbounded or not understood; 0 for none).</summary>
    internal static int MaxLength(string? pattern) => string.IsNullOrEmpty(pattern) ? 0 : Lengths(pattern).Longest;

    /// <summary>
    /// The shortest and longest texts <paramref name="pattern"/> can match: atoms (a character, a class, an escape like
    /// <c>\d</c>) match one, groups and alternatives as theirs, quantifiers <c>?</c>, <c>{m}</c>, <c>{m,n}</c> multiply;
    /// anything else (<c>*</c>, <c>+</c>, anchors, look-arounds) gives (0, int.MaxValue), which only ever keeps more digits.
    /// </summary>
    internal static (int Shortest, int Longest) Lengths(string pattern)
    {
        var position = 0;
        var lengths = Sequence(pattern, ref position);
        return position == pattern.Length ? lengths : (0, int.MaxValue);
    }

    private static readonly (int, int) Unknown = (0, int.MaxValue);

    private static (int Shortest, int Longest) Sequence(string pattern, ref int i)
    {
        (int Shortest, int Longest) best = (int.MaxValue, 0), current = (0, 0);
        while (i < pattern.Length && pattern[i] != ')')
        {
            var c = pattern[i];
            if (c == '|')
            {
                best = (Math.Min(best.Shortest, current.Shortest), Math.Max(best.Longest, current.Longest));
                current = (0, 0);
                i++;
                continue;
            }
            (int Shortest, int Longest) atom;
            if (c == '(')
            {
                i++;
                if (pattern.AsSpan(i).StartsWith("?:")) i += 2;
                else if (i < pattern.Length && pattern[i] == '?') return Unknown; // look-arounds and the like
                atom = Sequence(pattern, ref i);
                if (atom.Longest == int.MaxValue || i >= pattern.Length) return Unknown;
                i++; // ')'
            }
            else if (c == '[')
            {
                var end = pattern.IndexOf(']', i + 2);
                if (end < 0) return Unknown;
                atom = (1, 1);
                i = end + 1;
            }
            else if (c == '\\')
            {
                if (i + 1 >= pattern.Length || !char.IsAsciiLetter(pattern[i + 1]) || pattern[i + 1] is 'b' or 'B' or 'A' or 'z' or 'Z' or 'G') return Unknown;
                atom = (1, 1);
                i += 2;
            }
            else if (c is '^' or '$' or '*' or '+' or '?' or '{' or '.') return Unknown;
            else { atom = (1, 1); i++; }
            if (i < pattern.Length && pattern[i] == '?') { atom = (0, atom.Longest); i++; }
            else if (i < pattern.Length && pattern[i] == '{')
            {
                var end = pattern.IndexOf('}', i);
                if (end < 0) return Unknown;
                var bounds = pattern[(i + 1)..end].Split(',');
                if (!int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low)) return Unknown;
                var high = low;
                if (bounds.Length == 2 && !int.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out high)) return Unknown;
                if (bounds.Length > 2 || high < low) return Unknown;
                atom = (atom.Shortest * low, atom.Longest * high);
                i = end + 1;
            }
            if (i < pattern.Length && pattern[i] is '*' or '+' or '?' or '{') return Unknown; // lazy or stacked quantifiers
            current = (current.Shortest + atom.Shortest, current.Longest + atom.Longest);
        }
        return (Math.Min(best.Shortest, current.Shortest), Math.Max(best.Longest, current.Longest));
    }

    /// <summary>
    /// False only when no match of <paramref name="alternative"/> can start with <paramref name="first"/>: its first atom
    /// is a digit, a class or a non-optional group none of whose alternatives may start with it (anything else may).
    /// </summary>
    private static bool MayStartWith(string alternative, char first)
    {
        if (alternative.Length == 0) return true;
        var c = alternative[0];
        int end;
        if (char.IsAsciiDigit(c)) end = 0;
        else if (c == '[') end = alternative.IndexOf(']', 2);
        else if (alternative.StartsWith("(?:", StringComparison.Ordinal)) end = ClosingParenthesis(alternative);
        else return true;
        if (end < 0) return true;
        if (end + 1 < alternative.Length && alternative[end + 1] is '?' or '*' or '{') return true; // it may repeat or be absent
        if (char.IsAsciiDigit(c)) return c == first;
        if (c == '[') return Regex.IsMatch(first.ToString(), "^" + alternative[..(end + 1)] + "$", RegexOptions.CultureInvariant);
        return TopLevelAlternatives(alternative[3..end]).Any(inner => MayStartWith(inner, first));
    }

    /// <summary>The index of the parenthesis closing the group that opens <paramref name="text"/>, -1 when none.</summary>
    private static int ClosingParenthesis(string text)
    {
        var depth = 0;
        var inClass = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\') { i++; continue; }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[') inClass = true;
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return -1;
    }

    private static List<PhoneMetadata> Metadata(int code)
    {
        var regions = Util.GetRegionCodesForCountryCode(code);
        if (regions.Count == 1 && regions[0] == "001")
            return Util.GetMetadataForNonGeographicalRegion(code) is { } nonGeographical ? [nonGeographical] : [];
        var metadata = regions.Select(region => Util.GetMetadataForRegion(region)).ToList();
        return metadata.Any(m => m is null) ? [] : metadata!;
    }

    /// <summary>The metadata the parser strips national prefixes by: the calling code's main region's.</summary>
    private static PhoneMetadata? MainRegion(int code)
    {
        var region = Util.GetRegionCodeForCountryCode(code);
        return region == "001" ? Util.GetMetadataForNonGeographicalRegion(code) : Util.GetMetadataForRegion(region);
    }

    private static Regex[] PrefixesFor(int code) =>
        MainRegion(code)?.NationalPrefixForParsing is { Length: > 0 } prefix ? [new Regex("^(?:" + prefix + ")", RegexOptions.CultureInvariant)] : [];

    /// <summary>
    /// The fewest leading digits of <paramref name="digits"/> (at least <paramref name="from"/>) that decide its place:
    /// the first that are no proper beginning of a key of the English geocoding data for <paramref name="code"/>. Every
    /// key a number sharing them can match is then a beginning of them, so the longest match is the same for all.
    /// </summary>
    internal static int PlaceDigits(int code, ReadOnlySpan<byte> digits, int from)
    {
        var beginnings = Volatile.Read(ref KeyBeginnings[code]);
        if (beginnings is null)
        {
            beginnings = KeyBeginningsOf(code);
            Volatile.Write(ref KeyBeginnings[code], beginnings); // two threads may both make it: the same set
        }
        if (from >= digits.Length || from > 17 || ReferenceEquals(beginnings, Unreadable)) return digits.Length;
        long value = 0;
        for (var i = 0; i < from; i++) value = value * 10 + (digits[i] - '0');
        var length = from;
        while (length < digits.Length && beginnings.Contains(value * 32 + length))
        {
            if (length == 17) return digits.Length; // beyond what a key can say: keep every digit
            value = value * 10 + (digits[length++] - '0');
        }
        return length;
    }

    /// <summary>The beginnings of data this rule cannot read: every digit decides.</summary>
    private static readonly HashSet<long> Unreadable = [];

    /// <summary>
    /// The proper beginnings (as <c>value * 32 + length</c>, calling code included) of the keys of the English
    /// geocoding data for <paramref name="code"/>; empty when it has none.
    /// </summary>
    private static HashSet<long> KeyBeginningsOf(int code)
    {
        var beginnings = new HashSet<long>();
        var assembly = typeof(PhoneNumberOfflineGeocoder).Assembly;
        var name = $"PhoneNumbers.geocoding.en.{code}";
        if (!assembly.GetManifestResourceNames().Contains(name)) return beginnings;
        try
        {
            using var resource = assembly.GetManifestResourceStream(name) ?? throw new InvalidDataException($"no resource {name}");
            using var data = new GZipStream(resource, CompressionMode.Decompress);
            foreach (var key in BuildPrefixMapFromBin.ReadAreaCodeMap(data).Keys)
            {
                var prefix = key.ToString(CultureInfo.InvariantCulture);
                long value = 0;
                for (var length = 1; length < prefix.Length; length++)
                {
                    value = value * 10 + (prefix[length - 1] - '0');
                    beginnings.Add(value * 32 + length);
                }
            }
            return beginnings;
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or ArgumentException or InvalidOperationException or FormatException)
        {
            return Unreadable;
        }
    }

    private static IEnumerable<string> TopLevelAlternatives(string pattern)
    {
        int depth = 0, start = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\') { i++; continue; }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[') inClass = true;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0)
            {
                yield return pattern[start..i];
                start = i + 1;
            }
        }
        yield return pattern[start..];
    }

    /// <summary>The calling code's length (libphonenumber's rule: the shortest of 1 to 3 leading digits that is a code), 0 for none.</summary>
    private static int CodeLength(ReadOnlySpan<byte> digits)
    {
        for (var length = 1; length <= 3 && length < digits.Length; length++)
            if (IsCode[Value(digits[..length])]) return length;
        return 0;
    }

    private static int Value(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var digit in digits) value = value * 10 + (digit - '0');
        return value;
    }

    [GeneratedRegex(@"(?:\\d|\[0-9\])(?:\{(\d+)(?:,\d*)?\})?$")]
    private static partial Regex TrailingDigitToken();

    [GeneratedRegex(@"\(\?:(?:(?:\\d|\[0-9\])(?:\{\d+(?:,\d*)?\})?)+\)\?$")]
    private static partial Regex TrailingOptionalDigits();
}
