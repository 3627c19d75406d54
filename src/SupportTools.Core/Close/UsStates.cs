using System.Collections.Frozen;
using System.Text;

namespace SupportTools.Close;

/// <summary>
/// US states, DC and the territories (USPS codes), from their names, codes and the AP-style abbreviations found in
/// old files (<c>Calif.</c>, <c>N.Y.</c>), ignoring case, dots, extra whitespace and a leading "State of".
/// </summary>
internal static class UsStates
{
    private static readonly (string Code, string[] Names)[] Table =
    [
        ("AL", ["Alabama", "Ala"]), ("AK", ["Alaska"]), ("AZ", ["Arizona", "Ariz"]), ("AR", ["Arkansas", "Ark"]),
        ("CA", ["California", "Calif", "Cal"]), ("CO", ["Colorado", "Colo"]), ("CT", ["Connecticut", "Conn"]),
        ("DE", ["Delaware", "Del"]), ("DC", ["District of Columbia", "Washington DC", "Washington D C", "Wash DC"]),
        ("FL", ["Florida", "Fla"]), ("GA", ["Georgia"]), ("HI", ["Hawaii"]), ("ID", ["Idaho"]), ("IL", ["Illinois", "Ill"]),
        ("IN", ["Indiana", "Ind"]), ("IA", ["Iowa"]), ("KS", ["Kansas", "Kan", "Kans"]), ("KY", ["Kentucky"]),
        ("LA", ["Louisiana"]), ("ME", ["Maine"]), ("MD", ["Maryland"]), ("MA", ["Massachusetts", "Mass"]),
        ("MI", ["Michigan", "Mich"]), ("MN", ["Minnesota", "Minn"]), ("MS", ["Mississippi", "Miss"]),
        ("MO", ["Missouri"]), ("MT", ["Montana", "Mont"]), ("NE", ["Nebraska", "Neb", "Nebr"]), ("NV", ["Nevada", "Nev"]),
        ("NH", ["New Hampshire"]), ("NJ", ["New Jersey"]), ("NM", ["New Mexico"]), ("NY", ["New York"]),
        ("NC", ["North Carolina"]), ("ND", ["North Dakota"]), ("OH", ["Ohio"]), ("OK", ["Oklahoma", "Okla"]),
        ("OR", ["Oregon", "Ore"]), ("PA", ["Pennsylvania", "Penn", "Penna"]), ("RI", ["Rhode Island"]),
        ("SC", ["South Carolina"]), ("SD", ["South Dakota"]), ("TN", ["Tennessee", "Tenn"]), ("TX", ["Texas", "Tex"]),
        ("UT", ["Utah"]), ("VT", ["Vermont"]), ("VA", ["Virginia"]), ("WA", ["Washington", "Wash"]),
        ("WV", ["West Virginia", "W Va"]), ("WI", ["Wisconsin", "Wis", "Wisc"]), ("WY", ["Wyoming", "Wyo"]),
        ("AS", ["American Samoa"]), ("GU", ["Guam"]), ("MP", ["Northern Mariana Islands", "Northern Marianas"]),
        ("PR", ["Puerto Rico"]), ("VI", ["US Virgin Islands", "U S Virgin Islands", "United States Virgin Islands", "Virgin Islands"]),
        ("UM", ["United States Minor Outlying Islands", "US Minor Outlying Islands"]),
    ];

    private static readonly FrozenDictionary<string, string> ByKey = Table
        .SelectMany(state => state.Names.Append(state.Code).Select(name => (Key: Key(name), state.Code)))
        .ToFrozenDictionary(pair => pair.Key, pair => pair.Code, StringComparer.Ordinal);

    /// <summary>The USPS code for <paramref name="text"/>, or null when it names no state or territory.</summary>
    public static string? Code(string text)
    {
        var key = Key(text);
        if (key.StartsWith("STATE OF ", StringComparison.Ordinal)) key = key["STATE OF ".Length..];
        // "N.Y." and "D. C." arrive as "N Y" and "D C": letters spaced out are the code.
        return ByKey.GetValueOrDefault(key) ?? ByKey.GetValueOrDefault(key.Replace(" ", "", StringComparison.Ordinal));
    }

    /// <summary>Upper case, dots and commas as spaces, whitespace collapsed.</summary>
    private static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToUpperInvariant())
        {
            var ch = c is '.' or ',' || char.IsWhiteSpace(c) ? ' ' : c;
            if (ch == ' ' && (builder.Length == 0 || builder[^1] == ' ')) continue;
            builder.Append(ch);
        }
        return builder.ToString().TrimEnd();
    }
}
