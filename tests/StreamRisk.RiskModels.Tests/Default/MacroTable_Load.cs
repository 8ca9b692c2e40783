using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Default;

namespace StreamRisk.RiskModels.Tests.Default;

public class MacroTable_Load
{
    [Fact]
    public void AWellFormedFile_IsReadByQuarter()
    {
        var path = Write("year,quarter,gdp_growth,unemployment\n2020,1,-0.05,0.044\n2020,2,-0.09,0.13\n");
        var table = MacroTable.Load(path);
        Assert.Equal(["gdp_growth", "unemployment"], table.Names);
        Assert.Equal([0.13, -0.09], table.At(new DateOnly(2020, 6, 30), ["unemployment", "gdp_growth"]));
        Assert.All(table.At(new DateOnly(2020, 7, 1), ["gdp_growth"]), v => Assert.True(double.IsNaN(v)));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("when,gdp\n", ":1: header must start with 'year,quarter'")]
    [InlineData("year,quarter,gdp\n2020,5,0.1\n", ":2: year and quarter (1-4)")]
    [InlineData("year,quarter,gdp\n2020,1,abc\n", ":2: column 'gdp' is not a finite number (was 'abc')")]
    [InlineData("year,quarter,gdp\n2020,1\n", ":2: 2 columns, the header has 3")]
    public void AMalformedFile_FailsNamingTheFileLineAndColumn(string content, string expected)
    {
        var path = Write(content);
        var ex = Assert.Throws<ModelArtifactException>(() => MacroTable.Load(path));
        Assert.StartsWith(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    private static string Write(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), "streamrisk-macro-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, content);
        return path;
    }
}
