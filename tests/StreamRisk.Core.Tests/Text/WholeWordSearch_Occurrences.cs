using StreamRisk.Core.Text;

namespace StreamRisk.Core.Tests.Text;

public class WholeWordSearch_Occurrences
{
    [Fact]
    public void Finds_every_whole_word_occurrence_ignoring_case()
    {
        const string text = "Ince Alloys beat INCE ALLOYS' rivals in the Province of Ince.";

        Assert.Equal([(0, 11), (17, 28)], WholeWordSearch.Occurrences(text, "Ince Alloys"));
        Assert.Equal([(0, 4), (17, 21), (56, 60)], WholeWordSearch.Occurrences(text, "ince"));
    }

    [Fact]
    public void An_empty_name_is_found_nowhere()
    {
        Assert.Empty(WholeWordSearch.Occurrences("Acme Corp", ""));
    }
}
