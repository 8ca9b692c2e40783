using System.Text;

namespace StreamRisk.Infrastructure.Storage;

/// <summary>
/// Builds the idempotent upsert for one table: insert, or on a key conflict overwrite the non-key columns; with a
/// revision column, only when the incoming revision is at least the stored one, so a late lower revision loses.
/// Parameters are named after their columns (<c>@column</c>), a form SQLite and Npgsql both accept.
/// </summary>
public static class UpsertStatement
{
    /// <param name="keepExisting">On a key conflict keep the stored row as it is.</param>
    public static string Build(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns, string? revisionColumn = null,
        bool keepExisting = false)
    {
        var sql = new StringBuilder();
        sql.Append("INSERT INTO ").Append(table).Append(" (").AppendJoin(", ", columns).Append(") VALUES (");
        sql.AppendJoin(", ", columns.Select(c => "@" + c)).Append(") ON CONFLICT (").AppendJoin(", ", keyColumns).Append(')');
        var updated = columns.Where(c => !keyColumns.Contains(c)).ToList();
        if (updated.Count == 0 || keepExisting)
        {
            return sql.Append(" DO NOTHING").ToString();
        }
        sql.Append(" DO UPDATE SET ").AppendJoin(", ", updated.Select(c => $"{c} = excluded.{c}"));
        if (revisionColumn is not null)
        {
            sql.Append(" WHERE excluded.").Append(revisionColumn).Append(" >= ").Append(table).Append('.').Append(revisionColumn);
        }
        return sql.ToString();
    }
}
