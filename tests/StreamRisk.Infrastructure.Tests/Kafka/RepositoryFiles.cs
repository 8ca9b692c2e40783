using System.Runtime.CompilerServices;

namespace StreamRisk.Infrastructure.Tests.Kafka;

/// <summary>Paths in the repository checkout the tests were compiled from (the build output may live elsewhere).</summary>
internal static class RepositoryFiles
{
    public static string PathOf(string relative, [CallerFilePath] string thisFile = "")
    {
        var directory = Path.GetDirectoryName(thisFile);
        while (directory is not null && !File.Exists(Path.Combine(directory, "StreamRisk.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }
        return Path.Combine(directory ?? throw new InvalidOperationException("StreamRisk.sln not found above " + thisFile), relative);
    }
}
