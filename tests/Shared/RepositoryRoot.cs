using System.Runtime.CompilerServices;

namespace StreamRisk.Tests.Shared;

/// <summary>
/// The repository checkout the tests read data/, schemas/ and infra/ from: the first folder holding StreamRisk.sln
/// above the test binaries, or, when they were built with an artifacts path outside the checkout, above the place
/// this file was compiled from. Linked into every test project by Directory.Build.props.
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>A path inside the checkout, e.g. <c>Of("data", "samples")</c> or <c>Of("infra/kafka/topics.json")</c>.</summary>
    public static string Of(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find() =>
        Above(AppContext.BaseDirectory)
        ?? Above(System.IO.Path.GetDirectoryName(SourceFile()) ?? string.Empty)
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
