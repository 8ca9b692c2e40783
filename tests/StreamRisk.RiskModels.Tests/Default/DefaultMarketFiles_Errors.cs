using StreamRisk.RiskModels.Default;

namespace StreamRisk.RiskModels.Tests.Default;

/// <summary>A missing or malformed file of a simulated market names the file and, where it can, the line.</summary>
[Collection(SimulatedFolderCollection.Name)]
public sealed class DefaultMarketFiles_Errors(SimulatedFolder folder) : IDisposable
{
    private readonly string _copy = Copy(folder.Directory);

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    private static string Copy(string source)
    {
        var target = Directory.CreateTempSubdirectory("streamrisk-default-bad-").FullName;
        foreach (var file in new[] { "issuers.csv", "macro.csv", "fundamentals.jsonl", "disclosures.jsonl", "truth/polarity.jsonl", "truth/outcome_events.csv", "truth/manifest.json" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, file))!);
            File.Copy(Path.Combine(source, file), Path.Combine(target, file));
        }
        return target;
    }

    private void ReplaceLine(string file, int line, string text)
    {
        var path = Path.Combine(_copy, file);
        var lines = File.ReadAllLines(path);
        lines[line - 1] = text;
        File.WriteAllLines(path, lines);
    }

    [Fact]
    public void The_copy_reads()
    {
        Assert.NotEmpty(DefaultMarketFiles.Read(_copy).Statements);
    }

    [Theory]
    [InlineData("macro.csv")]
    [InlineData("fundamentals.jsonl")]
    [InlineData("disclosures.jsonl")]
    [InlineData("truth/polarity.jsonl")]
    [InlineData("truth/outcome_events.csv")]
    [InlineData("truth/manifest.json")]
    [InlineData("issuers.csv")]
    public void A_missing_file_is_named(string file)
    {
        File.Delete(Path.Combine(_copy, file));
        var ex = Assert.Throws<FileNotFoundException>(() => DefaultMarketFiles.Read(_copy));
        Assert.Contains(Path.Combine(_copy, file), ex.Message);
        Assert.Contains("is missing", ex.Message);
    }

    [Theory]
    [InlineData("fundamentals.jsonl", 3, "{\"issuer_id\":\"SIM00001\",", "line 3")]
    [InlineData("fundamentals.jsonl", 2, "{\"issuer_id\":\"SIM00001\",\"period_end\":\"2001-03-31\",\"published_at\":\"2001-04-30T10:00:00+00:00\",\"indicators\":{\"roa\":0.1}}", "line 2: the statement of SIM00001 for 2001-03-31 lacks the indicator 'total_assets'")]
    [InlineData("disclosures.jsonl", 4, "not json", "line 4")]
    [InlineData("truth/polarity.jsonl", 1, "{\"doc_id\":\"x\",\"kind\":\"risk_factors\"", "line 1")]
    [InlineData("truth/outcome_events.csv", 1, "issuer,class,day", "line 1: the header must be 'issuer_id,class,date'")]
    [InlineData("macro.csv", 5, "2002,1,abc", ":5: column 'macro_factor' is not a finite number (was 'abc')")]
    [InlineData("macro.csv", 1, "year,q,macro_factor", ":1: header must start with 'year,quarter'")]
    public void A_malformed_line_is_named_with_its_file_and_number(string file, int line, string text, string expected)
    {
        ReplaceLine(file, line, text);
        var ex = Assert.Throws<InvalidDataException>(() => DefaultMarketFiles.Read(_copy));
        Assert.Contains(Path.Combine(_copy, file), ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void A_bad_class_in_outcome_events_is_named_with_its_line()
    {
        var path = Path.Combine(_copy, "truth", "outcome_events.csv");
        File.AppendAllText(path, "SIM00001,bankrupt,2003-01-02\n");
        var lines = File.ReadAllLines(path).Length;
        var ex = Assert.Throws<InvalidDataException>(() => DefaultMarketFiles.Read(_copy));
        Assert.Contains($"{path} line {lines}: class 'bankrupt' is not performing, extended or defaulted", ex.Message);
    }
}
