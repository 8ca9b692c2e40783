using System.Runtime.CompilerServices;

namespace StreamRisk.Infrastructure.Tests.RealData;

/// <summary>Finds the repository's data/real folder: above the test binary, the working directory, or this source file
/// (builds with --artifacts-path put the binary outside the tree).</summary>
internal static class RepositoryData
{
    public static string RealDirectory() => Find(AppContext.BaseDirectory) ?? Find(Directory.GetCurrentDirectory()) ?? Find(SourceDirectory())
        ?? throw new DirectoryNotFoundException("data/real not found above " + AppContext.BaseDirectory + " or " + SourceDirectory());

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "real");
            if (File.Exists(Path.Combine(candidate, "SOURCES.md"))) return candidate;
        }

        return null;
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";
}
