using System.Text;
using Npgsql;

namespace StreamRisk.Infrastructure.Postgres;

/// <summary>
/// One set-based upsert: all rows of a table travel as one array per column and are unnested server-side, so a batch
/// of any size is one statement. jsonb columns travel as text and are cast on the server.
/// </summary>
internal sealed class PostgresUpsert
{
    private readonly string sql;

    /// <param name="columns">Name and PostgreSQL type of each column, in parameter order.</param>
    /// <param name="key">The conflict target: the record's identity.</param>
    /// <param name="replaceWhen">Condition on <c>excluded</c> (the incoming row) for replacing a stored row; null: always.</param>
    public PostgresUpsert(string table, (string Name, string Type)[] columns, string[] key, string? replaceWhen = null)
    {
        var names = string.Join(", ", columns.Select(c => c.Name));
        var selected = string.Join(", ", columns.Select(c => c.Type == "jsonb" ? $"{c.Name}::jsonb" : c.Name));
        var arrays = string.Join(", ", columns.Select((c, i) => $"${i + 1}::{(c.Type == "jsonb" ? "text" : c.Type)}[]"));
        var updates = string.Join(", ", columns.Where(c => !key.Contains(c.Name)).Select(c => $"{c.Name} = excluded.{c.Name}"));
        var text = new StringBuilder()
            .Append($"INSERT INTO {table} ({names}) SELECT {selected} FROM unnest({arrays}) AS u({names}) ")
            .Append($"ON CONFLICT ({string.Join(", ", key)}) DO UPDATE SET {updates}");
        if (replaceWhen is not null)
        {
            text.Append($" WHERE {replaceWhen}");
        }
        sql = text.ToString();
    }

    /// <summary>A batch command for <paramref name="columnArrays"/>, one array per column, all of one length.</summary>
    public NpgsqlBatchCommand Command(params object[] columnArrays)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var array in columnArrays)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = array });
        }
        return command;
    }
}
