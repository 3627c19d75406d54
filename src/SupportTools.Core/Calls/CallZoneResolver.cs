namespace SupportTools.Calls;

/// <summary>The zone of a number (longest prefix of an imported zone table, or the geocoder's): a placeholder until zones land.</summary>
internal sealed class CallZoneResolver
{
    /// <summary>The zone of <paramref name="number"/> (UTF-8), or null when it has none.</summary>
    public long? ZoneOf(ReadOnlySpan<byte> number) => null;
}
