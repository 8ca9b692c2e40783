namespace StreamRisk.Infrastructure.Storage;

/// <summary>
/// A store file that cannot be used as it is (missing, a folder, not SQLite, damaged, another program's, from a newer
/// build, unwritable, or on a full disk). The message names the file and what to do, so a command can print it as it is.
/// It is an <see cref="IOException"/> so that code which already treats store I/O failures as outages (retry, then stop)
/// keeps doing so.
/// </summary>
public sealed class StoreFileException(string path, string message, Exception? inner = null) : IOException(message, inner)
{
    /// <summary>The store file, as a full path.</summary>
    public string StorePath { get; } = path;
}
