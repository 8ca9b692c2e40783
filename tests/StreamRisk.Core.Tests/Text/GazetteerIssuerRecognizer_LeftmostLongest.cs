using StreamRisk.Core.Reference;
using StreamRisk.Core.Text;

namespace StreamRisk.Core.Tests.Text;

public class GazetteerIssuerRecognizer_LeftmostLongest
{
    private static readonly GazetteerIssuerRecognizer Recognizer = new(
        [
            new Issuer("petro", "China Petroleum", [], [], ["energy"]),
            new Issuer("sinopec", "China Petroleum & Chemical", [], [], ["energy"]),
            new Issuer("bofa", "Bank of America", [], [], ["banks"]),
            new Issuer("movil", "America Movil", [], [], ["telecom"]),
            new Issuer("twin-a", "Twin Star", [], [], ["misc"]),
            new Issuer("twin-b", "Twin Star", [], [], ["misc"]),
            new Issuer("star", "Star", [], [], ["misc"]),
        ],
        new IssuerRecognizerOptions { Fuzzy = false });

    [Fact]
    public void Prefers_the_longest_of_matches_starting_at_one_place()
    {
        var mention = Assert.Single(Recognizer.Recognize("China Petroleum & Chemical said"));
        Assert.Equal(("sinopec", "China Petroleum & Chemical"), (mention.IssuerId, mention.Surface));
        Assert.Equal("petro", Assert.Single(Recognizer.Recognize("China Petroleum said")).IssuerId);
    }

    [Fact]
    public void Prefers_the_leftmost_of_overlapping_matches()
    {
        var mention = Assert.Single(Recognizer.Recognize("Bank of America Movil deal"));
        Assert.Equal(("bofa", 0, 15), (mention.IssuerId, mention.Start, mention.End));
    }

    [Fact]
    public void Reports_non_overlapping_matches_in_text_order()
    {
        var mentions = Recognizer.Recognize("America Movil and Bank of America");
        Assert.Equal(["movil", "bofa"], mentions.Select(m => m.IssuerId));
    }

    [Fact]
    public void A_name_two_issuers_share_is_linked_to_neither_and_hides_shorter_names_inside_it()
    {
        Assert.Empty(Recognizer.Recognize("Twin Star said"));
        Assert.Equal("star", Assert.Single(Recognizer.Recognize("Star said")).IssuerId);
    }
}
