namespace StreamRisk.Bench;

/// <summary>Keeps bench/RESULTS.md: each benchmark owns one "## title" section and replaces only that.</summary>
public static class BenchResults
{
    public static void WriteSection(string title, string markdown)
    {
        var path = Path.Combine(BenchCorpus.RepositoryRoot(), "bench", "RESULTS.md");
        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : ["# Benchmark results", ""];
        var header = "## " + title;
        var start = lines.FindIndex(l => l.StartsWith(header, StringComparison.Ordinal));
        if (start >= 0)
        {
            var end = lines.FindIndex(start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
            lines.RemoveRange(start, (end < 0 ? lines.Count : end) - start);
        }
        else
        {
            start = lines.Count;
        }
        lines.InsertRange(start, markdown.TrimEnd().Split('\n').Append(string.Empty));
        File.WriteAllLines(path, lines);
    }
}
