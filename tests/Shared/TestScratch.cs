namespace StreamRisk.Tests.Shared;

/// <summary>
/// Scratch folders for one test process, all under one folder <c>run-PID-…</c>: a full test run writes simulated
/// markets, stores and artifacts, and leaving them behind filled a developer's disk (12 GB) over a day. The folder is
/// removed when the process exits, and since the test platform may stop its host before that finishes, each test
/// process also removes the folders of earlier ones whose process is gone. A folder that cannot be removed (a tmpfs
/// still mounted) is left and never fails the run. Linked into every test project by Directory.Build.props.
/// </summary>
internal static class TestScratch
{
    private static readonly string Parent = Path.Combine(Path.GetTempPath(), "streamrisk-tests");
    private static readonly string Root = Path.Combine(Parent, $"run-{Environment.ProcessId}-{Guid.NewGuid():N}");

    static TestScratch()
    {
        RemoveLeftovers();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(Root);
    }

    /// <summary>A new empty folder, removed with the others when the test process exits.</summary>
    public static string NewDirectory()
    {
        var path = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static void RemoveLeftovers()
    {
        if (!Directory.Exists(Parent)) return;
        foreach (var folder in Directory.EnumerateDirectories(Parent, "run-*"))
        {
            var parts = Path.GetFileName(folder).Split('-');
            if (parts.Length == 3 && int.TryParse(parts[1], out var pid) && !IsRunning(pid)) Remove(folder);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void Remove(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a mounted or locked folder stays for the next clean-up of the temp folder.
        }
    }
}
