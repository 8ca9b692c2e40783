using StreamRisk.Infrastructure.RealData;

namespace StreamRisk.Infrastructure.Tests.RealData;

public sealed class RealDataFile_Corruption : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("streamrisk-realdata-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_non_number_is_reported_with_file_line_and_column()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryData.RealDirectory(), "treasury_monthly.csv"));
        var cells = lines[9].Split(',');
        cells[4] = "4.1x";
        lines[9] = string.Join(',', cells);
        var path = Write("treasury_monthly.csv", lines);

        var error = Assert.Throws<RealDataFormatException>(() => RealDataFile.Load(path, RealDatasets.TreasuryMonthly));
        Assert.Equal(10, error.Line);
        Assert.Equal("tcm10y", error.Column);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 10, column 'tcm10y': '4.1x' is not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_header_column_is_reported()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryData.RealDirectory(), "macrodata.csv"));
        lines[0] = lines[0].Replace("unemp", "unemployment", StringComparison.Ordinal);
        var path = Write("macrodata.csv", lines);

        var error = Assert.Throws<RealDataFormatException>(() => MacroDataFile.Load(_directory));
        Assert.Equal(1, error.Line);
        Assert.Equal("unemp", error.Column);
        Assert.Contains("'unemployment', expected 'unemp'", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_row_and_a_missing_required_value_are_reported()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryData.RealDirectory(), "moodys_aaa_monthly.csv"));
        lines[3] = "\"1990-03-01\"";
        var error = Assert.Throws<RealDataFormatException>(() => RealDataFile.Load(Write("a.csv", lines), RealDatasets.MoodysAaaMonthly));
        Assert.Equal(4, error.Line);
        Assert.Contains("expected 2 fields, found 1", error.Message, StringComparison.Ordinal);

        lines[3] = "\"1990-03-01\",";
        error = Assert.Throws<RealDataFormatException>(() => RealDataFile.Load(Write("b.csv", lines), RealDatasets.MoodysAaaMonthly));
        Assert.Equal("aaa_yield", error.Column);

        lines[3] = "\"1990-13-01\",9.1";
        error = Assert.Throws<RealDataFormatException>(() => RealDataFile.Load(Write("c.csv", lines), RealDatasets.MoodysAaaMonthly));
        Assert.Equal("date", error.Column);
    }

    [Fact]
    public void A_missing_file_names_its_path()
    {
        var error = Assert.Throws<FileNotFoundException>(() => RealDatasets.Load(_directory, RealDatasets.GermanCredit));
        Assert.Contains("german_credit.csv", error.Message, StringComparison.Ordinal);
    }

    private string Write(string name, string[] lines)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }
}
