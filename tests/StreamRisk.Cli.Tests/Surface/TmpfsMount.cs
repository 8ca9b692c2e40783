using System.Diagnostics;

namespace StreamRisk.Cli.Tests.Surface;

/// <summary>
/// A small tmpfs of the test's own: a disk that really fills up (ENOSPC, SQLITE_FULL) or really refuses writes (a
/// read-only mount, which root cannot bypass as it bypasses chmod). Mounting needs root (CAP_SYS_ADMIN); tests using it
/// carry <see cref="TmpfsFactAttribute"/> and are skipped, with the reason, where the machine cannot mount.
/// </summary>
internal sealed class TmpfsMount : IDisposable
{
    public TmpfsMount(string sizeKib)
    {
        Folder = Path.Combine(Path.GetTempPath(), "streamrisk-tests", "tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Mount("-t", "tmpfs", "-o", $"size={sizeKib}k,mode=0777", "tmpfs", Folder);
    }

    public string Folder { get; }

    /// <summary>Changes the size limit in place (files stay): "freeing space" without touching what the command left.</summary>
    public void Resize(int sizeKib) => Mount("-o", $"remount,size={sizeKib}k", Folder);

    public void MakeReadOnly() => Mount("-o", "remount,ro", Folder);

    public void Dispose()
    {
        Run("umount", "-l", Folder);
        try
        {
            Directory.Delete(Folder);
        }
        catch (IOException)
        {
            // A lazily detached mount may keep the folder busy for a moment; the temp folder is cleared anyway.
        }
    }

    /// <summary>Why a tmpfs cannot be mounted here, or null when it can: root with CAP_SYS_ADMIN and a mount binary.</summary>
    public static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "tmpfs mounts need Linux";
        }
        if (Environment.UserName != "root")
        {
            return $"mounting a tmpfs needs root (running as {Environment.UserName}); CI runs as root";
        }
        var capabilities = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("CapEff:", StringComparison.Ordinal));
        const int CapSysAdmin = 21;
        if (capabilities is null || (Convert.ToUInt64(capabilities["CapEff:".Length..].Trim(), 16) & (1UL << CapSysAdmin)) == 0)
        {
            return "mounting a tmpfs needs CAP_SYS_ADMIN, which this container does not grant";
        }
        return File.Exists("/bin/mount") || File.Exists("/usr/bin/mount") ? null : "no mount program (util-linux) on this machine";
    }

    private static void Mount(params string[] args) => Run("mount", args);

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr}");
        }
    }
}

/// <summary>A fact that mounts a tmpfs: skipped, with the reason, where <see cref="TmpfsMount.Unavailable"/> says it cannot.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (TmpfsMount.Unavailable() is { } reason)
        {
            Skip = reason;
        }
    }
}
