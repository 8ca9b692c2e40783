using System.Buffers.Binary;
using Microsoft.Data.Sqlite;

namespace StreamRisk.Infrastructure.Storage;

/// <summary>
/// Checks that a path can be used as a StreamRisk SQLite store before anything writes to it: it is a file (or nothing
/// yet), it is a SQLite database, it is whole, it holds StreamRisk's schema (a database of another program is refused,
/// never migrated into) and no schema version newer than this build knows. Every refusal is a
/// <see cref="StoreFileException"/> naming the path and what to do. Also turns SQLite's and the OS's error codes for a
/// full disk, a read-only file and a damaged file into the same kind of message.
/// </summary>
public static class SqliteStoreFile
{
    private const int SqliteFull = 13;
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;
    private const int SqliteReadOnly = 8;
    private const int SqliteCantOpen = 14;
    private const int SqlitePermission = 3;
    private const int SqliteIoError = 10;
    private const int UnixNoSpace = 28;
    private const int WindowsDiskFull = 112;
    private const int WindowsHandleDiskFull = 39;

    private static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    /// <param name="path">The store file.</param>
    /// <param name="mustExist">The command only reads: a missing or empty store is an error, not a new store.</param>
    /// <param name="option">The option that named the file, for the hint in the message.</param>
    /// <param name="migrations">The schema this build knows (default: <see cref="SqliteMigrations.All"/>).</param>
    /// <returns>True when the file holds a StreamRisk store; false when it is missing or empty (a new store).</returns>
    /// <exception cref="StoreFileException">The file cannot be used; the message says why and what to do.</exception>
    public static bool Check(string path, bool mustExist = false, string option = "--db", IReadOnlyList<SqliteMigration>? migrations = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new StoreFileException(full, $"'{full}' is a folder, not a store file; pass a file path with {option} (e.g. {Path.Combine(full, "streamrisk.db")})");
        }
        if (!File.Exists(full))
        {
            return mustExist
                ? throw new StoreFileException(full, $"no store at '{full}'; run `streamrisk run` first or check {option}")
                : false;
        }
        var header = ReadHeader(full, option, out var length);
        if (length == 0)
        {
            // SQLite takes an empty file for an empty database: a writer may start a store there, a reader has nothing to read.
            return mustExist
                ? throw new StoreFileException(full, $"'{full}' is empty, not a StreamRisk store; run `streamrisk run` first or check {option}")
                : false;
        }
        if (header.Length < 100 || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new StoreFileException(full, $"'{full}' is not a SQLite database, so not a StreamRisk store; check {option} (StreamRisk never overwrites a file it did not write)");
        }
        // A -wal or hot -journal file beside it may legitimately hold the pages the file does not have yet.
        if (ExpectedLength(header) is { } expected && length < expected && !File.Exists(full + "-wal") && !File.Exists(full + "-journal"))
        {
            throw new StoreFileException(full, $"'{full}' is truncated ({length} of {expected} bytes): it was cut short by a copy or a full disk; "
                + $"restore it from a backup, or start a new store with another {option}");
        }
        return ReadSchema(full, mustExist, option, migrations ?? SqliteMigrations.All);
    }

    /// <summary>A store error for <paramref name="error"/> when it is one a user can fix (full disk, read-only or damaged
    /// file), else null.</summary>
    public static StoreFileException? Explain(string path, Exception error, string option = "--db")
    {
        var full = Path.GetFullPath(path);
        if (error is StoreFileException known)
        {
            return known;
        }
        if (IsDiskFull(error))
        {
            return new StoreFileException(full, $"the disk holding '{full}' is full ({OneLine(error.Message)}); free space and run the same command again", error);
        }
        return error switch
        {
            SqliteException { SqliteErrorCode: SqliteCorrupt or SqliteNotADatabase } e => new StoreFileException(full,
                $"'{full}' is damaged ({OneLine(e.Message)}); restore it from a backup, or start a new store with another {option}", e),
            SqliteException { SqliteErrorCode: SqliteReadOnly or SqliteCantOpen or SqlitePermission or SqliteIoError } e => new StoreFileException(full,
                $"cannot write the store '{full}' ({OneLine(e.Message)}); make it writable or pass a file in a writable folder with {option}", e),
            UnauthorizedAccessException or IOException => new StoreFileException(full,
                $"cannot write the store '{full}' ({OneLine(error.Message)}); make it writable or pass a file in a writable folder with {option}", error),
            _ => null,
        };
    }

    /// <summary>SQLite's SQLITE_FULL, or the OS's "no space left on device", anywhere in the chain.</summary>
    public static bool IsDiskFull(Exception error) => error switch
    {
        SqliteException { SqliteErrorCode: SqliteFull } => true,
        // On Unix an IOException carries the raw errno (where 39 and 112 mean other things); on Windows an HRESULT.
        IOException io when (OperatingSystem.IsWindows()
            ? (io.HResult & 0xFFFF) is WindowsDiskFull or WindowsHandleDiskFull
            : io.HResult == UnixNoSpace) => true,
        _ => error.InnerException is { } inner && IsDiskFull(inner),
    };

    private static byte[] ReadHeader(string path, string option, out long length)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            length = file.Length;
            var header = new byte[(int)Math.Min(100, length)];
            file.ReadExactly(header);
            return header;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreFileException(path, $"cannot read the store '{path}' ({OneLine(e.Message)}); make it readable or check {option}", e);
        }
    }

    /// <summary>The length the header promises (page size × page count), when the header vouches for its page count:
    /// SQLite trusts that count only while the change counter equals the version-valid-for number.</summary>
    private static long? ExpectedLength(byte[] header)
    {
        var pageSize = (long)BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(16, 2));
        if (pageSize == 1)
        {
            pageSize = 65536;
        }
        var pages = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(28, 4));
        var changeCounter = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(24, 4));
        var validFor = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(92, 4));
        return pages > 0 && changeCounter == validFor && pageSize >= 512 ? pageSize * pages : null;
    }

    private static bool ReadSchema(string path, bool mustExist, string option, IReadOnlyList<SqliteMigration> migrations)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            var tables = Strings(connection, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
            if (tables.Count == 0)
            {
                return mustExist
                    ? throw new StoreFileException(path, $"'{path}' is an empty SQLite database, not a StreamRisk store; run `streamrisk run` first or check {option}")
                    : false;
            }
            if (!tables.Contains("schema_version")
                || !Strings(connection, "SELECT name FROM pragma_table_info('schema_version') ORDER BY cid").SequenceEqual(["version", "name", "applied_at"]))
            {
                throw Foreign(path, option, tables);
            }
            var recorded = new List<(long Version, string Name)>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT version, name FROM schema_version ORDER BY version";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    recorded.Add((reader.GetInt64(0), reader.IsDBNull(1) ? "" : reader.GetString(1)));
                }
            }
            if (recorded.Count == 0)
            {
                // Nothing but an empty version table: no data to keep, nothing of another program's to spoil.
                return tables.Count > 1 ? throw Foreign(path, option, tables)
                    : mustExist ? throw new StoreFileException(path, $"'{path}' holds no StreamRisk data yet; run `streamrisk run` first or check {option}")
                    : false;
            }
            // A table of the same name is not enough: the steps this build knows must be recorded by our numbers and names.
            var newest = migrations.Count == 0 ? 0 : migrations.Max(m => m.Version);
            var known = migrations.ToDictionary(m => (long)m.Version, m => m.Name);
            if (recorded[0].Version != 1 || recorded.Any(r => r.Version <= newest && (!known.TryGetValue(r.Version, out var name) || name != r.Name)))
            {
                throw Foreign(path, option, tables);
            }
            if (recorded[^1].Version > newest)
            {
                throw new StoreFileException(path, $"'{path}' was written by a newer StreamRisk (schema version {recorded[^1].Version}; this build knows "
                    + $"up to {newest}); upgrade StreamRisk, or start a new store with another {option}");
            }
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            throw Explain(path, e, option)!;
        }
        catch (SqliteException e)
        {
            // Typically a read-only folder: even to read a WAL-mode store SQLite must create its -shm file beside it.
            throw new StoreFileException(path, $"cannot open the store '{path}' ({OneLine(e.Message)}); SQLite needs the file readable and its folder "
                + $"writable (it keeps {Path.GetFileName(path)}-wal and -shm beside it): fix the permissions or mount, or pass another {option}", e);
        }
    }

    private static StoreFileException Foreign(string path, string option, IReadOnlyList<string> tables) => new(path,
        $"'{path}' is a SQLite database of another program (tables: {string.Join(", ", tables.Take(5))}{(tables.Count > 5 ? ", ..." : "")}), "
        + $"not a StreamRisk store; StreamRisk will not write into it: pass another {option}");

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
