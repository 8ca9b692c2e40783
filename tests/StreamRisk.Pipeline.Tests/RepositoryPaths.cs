namespace StreamRisk.Pipeline.Tests;

/// <summary>Locates the checkout (the folder with StreamRisk.sln) so tests can read data/ and schemas/.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "data", "samples");
    public static string Reference => Path.Combine(Root, "data", "reference");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StreamRisk.sln")))
            {
                return dir.FullName;
            }
        }
        var built = typeof(RepositoryPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (built is not null && File.Exists(Path.Combine(built, "StreamRisk.sln")))
        {
            return Path.GetFullPath(built);
        }
        throw new InvalidOperationException("StreamRisk.sln not found above " + AppContext.BaseDirectory);
    }

    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "streamrisk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
