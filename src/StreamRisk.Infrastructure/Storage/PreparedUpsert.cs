using Microsoft.Data.Sqlite;

namespace StreamRisk.Infrastructure.Storage;

/// <summary>One table's upsert, prepared once on the store's connection and re-bound for every row.</summary>
internal sealed class PreparedUpsert : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public PreparedUpsert(SqliteConnection connection, string table, string[] columns, string[] keyColumns, string? revisionColumn = null,
        bool keepExisting = false)
    {
        _command = connection.CreateCommand();
        _command.CommandText = UpsertStatement.Build(table, columns, keyColumns, revisionColumn, keepExisting);
        _parameters = Array.ConvertAll(columns, c => _command.Parameters.Add(new SqliteParameter("@" + c, DBNull.Value)));
        _command.Prepare();
    }

    /// <param name="values">One value per column, in column order; null is stored as SQL NULL.</param>
    public void Execute(SqliteTransaction transaction, params ReadOnlySpan<object?> values)
    {
        _command.Transaction = transaction;
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }
        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
