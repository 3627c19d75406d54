namespace SupportTools.Storage;

/// <summary>One schema step. Versions are global and ordered; each capability contributes its own steps.</summary>
/// <param name="Version">Applied in ascending order, once.</param>
/// <param name="Name">What it adds, for the schema_version table.</param>
/// <param name="Sql">The DDL.</param>
public sealed record Migration(int Version, string Name, string Sql);
