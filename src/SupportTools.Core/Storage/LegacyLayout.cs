namespace SupportTools.Storage;

/// <summary>The first module release's layout of a capability (before per-capability migrations), and how to get from it.</summary>
/// <param name="Tables">Tables whose presence (with <c>schema_version</c>) identifies the layout.</param>
/// <param name="UpgradeSql">Turns it into the capability's version <paramref name="Version"/> in place (renames, keeps the data).</param>
/// <param name="ReadViewsSql">TEMP views that show it under the current names, so a read-only connection can read it unchanged.</param>
/// <param name="Version">The capability version the upgraded layout equals.</param>
/// <param name="Functions">SQL functions <paramref name="UpgradeSql"/> calls (e.g. to recompute a key the way this version computes it).</param>
internal sealed record LegacyLayout(IReadOnlyList<string> Tables, string UpgradeSql, string ReadViewsSql, int Version,
    IReadOnlyList<SqlFunction>? Functions = null);
