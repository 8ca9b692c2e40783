using StreamRisk.Core.Reference;
using static StreamRisk.Core.Tests.Reference.ReferenceFiles;

namespace StreamRisk.Core.Tests.Reference;

public class IndustryTable_Validation
{
    [Fact]
    public void Valid_file_gives_trimmed_industries_in_file_order()
    {
        var industries = IndustryTable.Parse(Lines("industries.csv", "industry_id,name,sector", " steel , Steel ,Materials", "banks,Banks,Financials"));

        Assert.Equal([new Industry("steel", "Steel", "Materials"), new Industry("banks", "Banks", "Financials")], industries);
    }

    [Fact]
    public void Header_columns_may_come_in_any_order()
    {
        var industries = IndustryTable.Parse(Lines("industries.csv", "sector,industry_id,name", "Materials,steel,Steel"));

        Assert.Equal(new Industry("steel", "Steel", "Materials"), industries[0]);
    }

    [Fact]
    public void Missing_column_is_reported_on_the_header_line()
    {
        var e = Assert.Throws<ReferenceDataException>(() => IndustryTable.Parse(Lines("industries.csv", "industry_id,name", "steel,Steel")));

        Assert.Equal(1, e.LineNumber);
        Assert.Equal("sector", e.Field);
        Assert.Contains("industry_id,name,sector", e.Message);
    }

    [Fact]
    public void Unknown_column_is_reported_by_name()
    {
        var e = Assert.Throws<ReferenceDataException>(() => IndustryTable.Parse(Lines("industries.csv", "industry_id,name,sectr", "steel,Steel,Materials")));

        Assert.Equal("sectr", e.Field);
    }

    [Fact]
    public void Wrong_field_count_names_the_line()
    {
        var e = Assert.Throws<ReferenceDataException>(() =>
            IndustryTable.Parse(Lines("industries.csv", "industry_id,name,sector", "steel,Steel,Materials", "paper,Paper, forest,Materials")));

        Assert.Equal(3, e.LineNumber);
        Assert.Contains("found 4", e.Message);
    }

    [Fact]
    public void Empty_required_field_names_line_and_column()
    {
        var e = Assert.Throws<ReferenceDataException>(() => IndustryTable.Parse(Lines("industries.csv", "industry_id,name,sector", "steel,Steel,Materials", "paper, ,Materials")));

        Assert.Equal("industries.csv line 3, field 'name': required value is empty", e.Message);
    }

    [Fact]
    public void Duplicate_id_points_at_the_first_definition()
    {
        var e = Assert.Throws<ReferenceDataException>(() =>
            IndustryTable.Parse(Lines("industries.csv", "industry_id,name,sector", "steel,Steel,Materials", "banks,Banks,Financials", "steel,Steel 2,Materials")));

        Assert.Equal(4, e.LineNumber);
        Assert.Equal("industry_id", e.Field);
        Assert.Contains("line 2", e.Message);
    }

    [Fact]
    public void Id_with_a_list_separator_is_rejected()
    {
        var e = Assert.Throws<ReferenceDataException>(() => IndustryTable.Parse(Lines("industries.csv", "industry_id,name,sector", "oil|gas,Oil,Energy")));

        Assert.Equal("industry_id", e.Field);
        Assert.Contains("oil|gas", e.Message);
    }

    [Fact]
    public void Header_only_file_is_an_error()
    {
        var e = Assert.Throws<ReferenceDataException>(() => IndustryTable.Parse(Lines("industries.csv", "industry_id,name,sector")));

        Assert.Null(e.LineNumber);
        Assert.Contains("no rows", e.Message);
    }

    [Fact]
    public void Empty_file_is_an_error()
    {
        var e = Assert.Throws<ReferenceDataException>(() => IndustryTable.Parse(new ReferenceFile("industries.csv", "")));

        Assert.Contains("empty", e.Message);
    }
}
