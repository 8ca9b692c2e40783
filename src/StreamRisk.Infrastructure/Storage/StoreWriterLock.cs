using System.Globalization;

namespace StreamRisk.Infrastructure.Storage;

/// <summary>Another process is writing the store: names the store and the holder.</summary>
public sealed class StoreLockedException(string message) : Exception(message);

/// <summary>
/// One writer per embedded store: an exclusive advisory lock (<c>flock</c>) on <c>STORE.lock</c> beside the SQLite
/// file, held for the life of the process that writes. The kernel drops it when that process ends in any way, SIGKILL
/// included, so a crashed run never leaves the store locked. Who holds it is written to <c>STORE.lock.holder</c>
/// (the lock file itself cannot be read by another process while it is held); that note is only ever informative.
/// </summary>
public sealed class StoreWriterLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _holderPath;

    private StoreWriterLock(FileStream lockFile, string holderPath)
    {
        _lock = lockFile;
        _holderPath = holderPath;
    }

    /// <param name="databasePath">The SQLite file the lock guards.</param>
    /// <param name="command">What the holder is doing, for the message another writer gets (e.g. <c>streamrisk run</c>).</param>
    /// <exception cref="StoreLockedException">Another live process holds the lock.</exception>
    public static StoreWriterLock Acquire(string databasePath, string command)
    {
        var full = Path.GetFullPath(databasePath);
        var lockPath = full + ".lock";
        var holderPath = lockPath + ".holder";
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        FileStream stream;
        try
        {
            // .NET takes flock(LOCK_EX | LOCK_NB) for FileShare.None on Unix. The file is never deleted: unlinking a
            // lock file lets a third process lock a new inode while the second still holds the old one.
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(lockPath))
        {
            var holder = File.Exists(holderPath) ? File.ReadAllText(holderPath).Trim() : "another process";
            throw new StoreLockedException(
                $"the store '{full}' is in use by {holder}; wait for it to finish or use another --db (one writer per store)");
        }
        var note = string.Create(CultureInfo.InvariantCulture,
            $"process {Environment.ProcessId} on {Environment.MachineName} ({command}, since {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ})");
        File.WriteAllText(holderPath, note + Environment.NewLine);
        return new StoreWriterLock(stream, holderPath);
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_holderPath);
        }
        catch (IOException)
        {
            // The note is informative only; a stale one is overwritten by the next holder.
        }
        _lock.Dispose();
    }
}
