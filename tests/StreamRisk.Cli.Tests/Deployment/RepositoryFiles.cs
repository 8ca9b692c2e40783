using System.Runtime.CompilerServices;

namespace StreamRisk.Cli.Tests.Deployment;

/// <summary>Paths in the repository checkout the tests were compiled from (the build output may live elsewhere).</summary>
internal static class RepositoryFiles
{
    public static string Root([CallerFilePath] string thisFile = "")
    {
        var directory = Path.GetDirectoryName(thisFile);
        while (directory is not null && !File.Exists(Path.Combine(directory, "StreamRisk.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }
        return directory ?? throw new InvalidOperationException("StreamRisk.sln not found above " + thisFile);
    }

    public static string PathOf(string relative) => Path.Combine(Root(), relative);
}
