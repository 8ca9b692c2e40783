using System.Runtime.CompilerServices;

namespace StreamRisk.Infrastructure.Tests.Reference;

/// <summary>The repository checkout the tests run from: the first folder above the test binaries holding StreamRisk.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Data(params string[] parts) => System.IO.Path.Combine([Path, "data", .. parts]);

    private static string Find() =>
        Above(AppContext.BaseDirectory)
        // Built with --artifacts-path outside the checkout, the binaries have no repository above them;
        // the compiler-recorded location of this source file still does.
        ?? Above(System.IO.Path.GetDirectoryName(SourceFile()) ?? "")
        ?? throw new InvalidOperationException($"no folder holding StreamRisk.sln above {AppContext.BaseDirectory} or {SourceFile()}");

    private static string? Above(string start)
    {
        for (var dir = start.Length > 0 ? new DirectoryInfo(start) : null; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "StreamRisk.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
