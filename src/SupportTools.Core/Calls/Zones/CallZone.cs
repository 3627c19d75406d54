namespace SupportTools.Calls;

/// <summary>A zone: its id and names (see <see cref="CallRegion"/>, which is what users see).</summary>
internal readonly record struct CallZone(long Id, string Country, string Region);
