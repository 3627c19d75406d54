namespace SupportTools.Storage;

/// <summary>One schema step of a capability.</summary>
/// <param name="Version">Applied in ascending order, once; numbered per capability from 1.</param>
/// <param name="Name">What it adds, recorded in <c>supporttools_migrations</c>.</param>
/// <param name="Sql">The DDL.</param>
internal sealed record Migration(int Version, string Name, string Sql);
