using StreamRisk.Infrastructure.RealData;
using StreamRisk.RiskModels.Training.Default.RealData;
using StreamRisk.Tests.Shared;

namespace StreamRisk.RiskModels.Training.Tests.Default.RealData;

public sealed class RealCreditSets_Load : IDisposable
{
    private static readonly string RealDirectory = Path.Combine(RepositoryRoot.Path, "data", "real");
    private readonly string _scratch = Directory.CreateTempSubdirectory("streamrisk-realcredit-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void German_credit_has_a_thousand_rows_and_thirty_percent_bad()
    {
        var set = RealCreditSets.Load(RealDirectory, RealCreditSets.GermanCredit);
        Assert.Equal(1000, set.Features.Length);
        Assert.Equal(0.3, set.BadRate, 12);
        // 62 columns less the class, all numeric (caret one-hot encoded them).
        Assert.Equal(61, set.FeatureNames.Count);
        Assert.All(set.Features, row => Assert.Equal(61, row.Length));
    }

    [Fact]
    public void Text_columns_become_one_column_per_category_and_missing_numbers_stay_nan()
    {
        var set = RealCreditSets.Load(RealDirectory, RealCreditSets.CreditData);
        Assert.Equal(4454, set.Features.Length);
        Assert.Contains("Home=rent", set.FeatureNames);
        Assert.Contains("Records=no", set.FeatureNames);
        var income = set.FeatureNames.ToList().IndexOf("Income");
        Assert.Contains(set.Features, row => double.IsNaN(row[income]));
        // Each row has at most one category of Home set.
        var home = set.FeatureNames.Select((n, i) => (n, i)).Where(t => t.n.StartsWith("Home=", StringComparison.Ordinal)).Select(t => t.i).ToArray();
        Assert.All(set.Features, row => Assert.InRange(home.Sum(i => row[i]), 0, 1));
        var lending = RealCreditSets.Load(RealDirectory, RealCreditSets.LendingClub);
        Assert.Equal(9857, lending.Features.Length);
        Assert.InRange(lending.BadRate, 0.01, 0.2);
    }

    [Fact]
    public void A_class_that_is_neither_good_nor_bad_names_file_line_and_column()
    {
        var lines = File.ReadAllLines(Path.Combine(RealDirectory, "german_credit.csv"));
        lines[4] = lines[4].Replace("\"Good\"", "\"Maybe\"", StringComparison.Ordinal).Replace("\"Bad\"", "\"Maybe\"", StringComparison.Ordinal);
        File.WriteAllLines(Path.Combine(_scratch, "german_credit.csv"), lines);
        var e = Assert.Throws<RealDataFormatException>(() => RealCreditSets.Load(_scratch, RealCreditSets.GermanCredit));
        Assert.Equal(5, e.Line);
        Assert.Equal("Class", e.Column);
        Assert.Contains("german_credit.csv line 5", e.Message);
    }

    [Fact]
    public void A_malformed_number_names_file_line_and_column()
    {
        var lines = File.ReadAllLines(Path.Combine(RealDirectory, "credit_data.csv"));
        var cells = lines[9].Split(',');
        cells[3] = "sixty";
        lines[9] = string.Join(',', cells);
        File.WriteAllLines(Path.Combine(_scratch, "credit_data.csv"), lines);
        var e = Assert.Throws<RealDataFormatException>(() => RealCreditSets.Load(_scratch, RealCreditSets.CreditData));
        Assert.Equal(10, e.Line);
        Assert.Equal("Time", e.Column);
    }

    [Fact]
    public void An_unknown_set_lists_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => RealCreditSets.Load(RealDirectory, "taiwan"));
        Assert.Contains("german_credit, credit_data, lending_club", e.Message);
    }
}
