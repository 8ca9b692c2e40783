using StreamRisk.Infrastructure.RealData;

namespace StreamRisk.Infrastructure.Tests.RealData;

public sealed class RealDatasets_Load
{
    public static TheoryData<string, int> Expected => new()
    {
        { "treasury_monthly.csv", 558 }, { "treasury_daily.csv", 9_574 }, { "moodys_aaa_monthly.csv", 60 },
        { "macrodata.csv", 203 }, { "lending_club.csv", 9_857 }, { "credit_data.csv", 4_454 },
        { "german_credit.csv", 1_000 }, { "dow_jones30.csv", 2_529 },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Committed_files_load_with_their_schema(string fileName, int rows)
    {
        var schema = RealDatasets.All.Single(s => s.FileName == fileName);
        var table = RealDatasets.Load(RepositoryData.RealDirectory(), schema);
        Assert.Equal(rows, table.RowCount);
    }

    [Fact]
    public void Values_are_plausible()
    {
        var directory = RepositoryData.RealDirectory();
        var treasury = RealDatasets.Load(directory, RealDatasets.TreasuryMonthly);
        Assert.All(treasury.Numbers("tcm10y"), y => Assert.InRange(y, 1, 20));
        Assert.Equal(new DateOnly(1953, 4, 1), treasury.Dates("date")[0]);
        var aaa = RealDatasets.Load(directory, RealDatasets.MoodysAaaMonthly);
        Assert.All(aaa.Numbers("aaa_yield"), y => Assert.InRange(y, 5, 12));
        var lending = RealDatasets.Load(directory, RealDatasets.LendingClub);
        Assert.Equal(["bad", "good"], lending.Texts("Class").Distinct().Order());
        var credit = RealDatasets.Load(directory, RealDatasets.CreditData);
        Assert.Contains(credit.Numbers("Income"), double.IsNaN);
    }

    [Fact]
    public void Macro_quarters_run_from_1959_to_2009()
    {
        var quarters = MacroDataFile.Load(RepositoryData.RealDirectory());
        Assert.Equal((1959, 1), (quarters[0].Year, quarters[0].Quarter));
        Assert.Equal((2009, 3), (quarters[^1].Year, quarters[^1].Quarter));
        Assert.All(quarters, q => Assert.InRange(q.UnemploymentRate, 2, 12));
    }
}
