using StreamRisk.Tests.Shared;

namespace StreamRisk.Pipeline.Tests;

/// <summary>The sample and reference folders of the checkout, and fresh temporary folders for a test's output.</summary>
internal static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string Samples => RepositoryRoot.Of("data", "samples");
    public static string Reference => RepositoryRoot.Of("data", "reference");

    public static string NewTempDirectory() => StreamRisk.Tests.Shared.TestScratch.NewDirectory();
}
