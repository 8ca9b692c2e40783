namespace StreamRisk.Pipeline.Running;

/// <summary>Finds the bundled reference data: next to the program (copied at build), else in the repository checkout.</summary>
public static class ReferenceDataLocation
{
    public static string Resolve(string? configured)
    {
        if (configured is not null)
        {
            if (!Directory.Exists(configured))
            {
                throw new ConfigurationException($"--reference '{configured}' is not a folder (it should hold industries.csv, topics.csv, topic_industry.csv, issuers.csv)");
            }
            return configured;
        }
        var bundled = Path.Combine(AppContext.BaseDirectory, "data", "reference");
        if (Directory.Exists(bundled))
        {
            return bundled;
        }
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "reference");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new ConfigurationException("cannot find the reference data (data/reference); pass --reference DIR");
    }
}
