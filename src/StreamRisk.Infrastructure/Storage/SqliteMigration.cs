namespace StreamRisk.Infrastructure.Storage;

/// <summary>One numbered step of the SQLite schema; applied once, in version order, and recorded in <c>schema_version</c>.</summary>
public sealed record SqliteMigration(int Version, string Name, string Sql);
