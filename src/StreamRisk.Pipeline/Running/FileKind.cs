using System.Runtime.InteropServices;

namespace StreamRisk.Pipeline.Running;

/// <summary>
/// Whether a path names a regular file. .NET reports a device or a FIFO as an ordinary file of length 0, and reading
/// one never ends (/dev/zero) or blocks (a FIFO without a writer), so the input reader asks the OS itself. statx's
/// buffer layout is the same on every Linux architecture, unlike stat's.
/// </summary>
internal static class FileKind
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, u32 uid, u32 gid, u16 mode
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;

    /// <summary>False for a device, FIFO or socket (links followed); true for a regular file, or where the OS cannot say.</summary>
    public static bool IsRegularOrUnknown(string path)
    {
        if (!OperatingSystem.IsLinux()) return true;
        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0) return true; // missing or unreadable: opening it says why
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return true; // a libc without statx (glibc < 2.28): no worse than before
        }
        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) == Regular;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Statx(int dirfd, string path, int flags, uint mask, byte[] buffer);
}
