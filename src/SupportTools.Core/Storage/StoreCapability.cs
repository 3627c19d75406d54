namespace SupportTools.Storage;

/// <summary>
/// A capability's share of the store: its name (the prefix of its tables) and its schema steps. Each capability is
/// migrated when it is first opened, so one added by a later module version starts at its own step 1 in an existing store.
/// </summary>
/// <param name="Name">Recorded in <c>supporttools_migrations.capability</c>; its tables are named <c>{Name}_…</c>.</param>
/// <param name="Migrations">The steps, versions 1, 2, … in order.</param>
/// <param name="Legacy">
/// How to adopt a database from before per-capability migrations (a <c>schema_version</c> table at version 1, with
/// unprefixed tables), or null when the capability is newer than that layout.
/// </param>
internal sealed record StoreCapability(string Name, IReadOnlyList<Migration> Migrations, LegacyLayout? Legacy = null)
{
    /// <summary>The highest step this module knows.</summary>
    public int LatestVersion => Migrations.Count == 0 ? 0 : Migrations[^1].Version;
}
