using FsCheck;
using FsCheck.Fluent;
using StreamRisk.Core.Events;
using StreamRisk.Core.Sentiment;

namespace StreamRisk.Core.Tests.Sentiment;

public class IssuerClauseScope_Cut
{
    private static string CutFor(string text, string issuer, params string[] names)
    {
        var all = FirmScoring.MentionsOf(text, names);
        var own = all.Where(m => m.IssuerId == issuer).ToList();
        var cut = IssuerClauseScope.Cut(new AspectRequest(text, issuer, own), all.ToArray());
        foreach (var m in cut.Mentions)
        {
            Assert.Equal(issuer, cut.Text[m.Start..m.End]);
        }

        return cut.Text;
    }

    [Fact]
    public void Each_issuer_keeps_its_own_clause_of_a_contrast()
    {
        const string text = "Harwood Glass lifted its margin forecast, while Pellam Tiles warned on costs.";

        Assert.Equal("Harwood Glass lifted its margin forecast", CutFor(text, "Harwood Glass", "Harwood Glass", "Pellam Tiles"));
        Assert.Equal("while Pellam Tiles warned on costs", CutFor(text, "Pellam Tiles", "Harwood Glass", "Pellam Tiles"));
    }

    [Fact]
    public void An_unnamed_clause_goes_with_the_issuer_named_before_it()
    {
        const string text = "Orrin Foods cut its dividend, citing weak demand, but Tessel Dairy raised its payout.";

        Assert.Equal("Orrin Foods cut its dividend, citing weak demand", CutFor(text, "Orrin Foods", "Orrin Foods", "Tessel Dairy"));
    }

    [Fact]
    public void A_list_of_names_shares_the_clause_that_follows()
    {
        const string text = "Neither Calder Rail nor Mosgiel Freight expects to breach its covenants.";

        Assert.Equal(text, CutFor(text, "Calder Rail", "Calder Rail", "Mosgiel Freight"));
        Assert.Equal(text, CutFor(text, "Mosgiel Freight", "Calder Rail", "Mosgiel Freight"));
    }

    [Fact]
    public void A_lead_in_clause_takes_the_clause_it_sets_up()
    {
        const string text = "Like Brandt Paper, Quill Packaging warned that volumes would fall.";

        Assert.Equal(text, CutFor(text, "Brandt Paper", "Brandt Paper", "Quill Packaging"));
        Assert.Equal("Quill Packaging warned that volumes would fall", CutFor(text, "Quill Packaging", "Brandt Paper", "Quill Packaging"));
    }

    [Fact]
    public void A_clause_that_says_something_after_the_name_is_not_a_lead_in()
    {
        const string text = "Fenwick Air slumped, while Corran Jets gained.";

        Assert.Equal("Fenwick Air slumped", CutFor(text, "Fenwick Air", "Fenwick Air", "Corran Jets"));
    }

    [Fact]
    public void Clauses_apart_in_the_text_are_joined_with_a_gap_mark()
    {
        const string text = "Averly Bank posted a loss. Dunmore Trust gained share. Averly Bank also cut jobs.";

        var cut = CutFor(text, "Averly Bank", "Averly Bank", "Dunmore Trust");

        Assert.Equal("Averly Bank posted a loss" + IssuerClauseScope.Gap + "Averly Bank also cut jobs", cut);
    }

    [Fact]
    public void A_text_about_one_issuer_only_comes_back_unchanged()
    {
        const string text = "Stroud Mills swung to a profit from a loss a year earlier.";
        var mentions = FirmScoring.MentionsOf(text, "Stroud Mills");
        var request = new AspectRequest(text, "Stroud Mills", mentions);

        Assert.Same(request, IssuerClauseScope.Cut(request, mentions.ToArray()));
    }

    [Fact]
    public void A_request_without_mentions_comes_back_unchanged()
    {
        var request = new AspectRequest("Spreads widened across the sector.", "X", []);

        Assert.Same(request, IssuerClauseScope.Cut(request, []));
    }

    [Fact]
    public void CutAll_pools_the_issuers_of_a_text_across_requests()
    {
        const string text = "Harwood Glass lifted its margin forecast, while Pellam Tiles warned on costs.";
        var all = FirmScoring.MentionsOf(text, "Harwood Glass", "Pellam Tiles");
        var requests = new[]
        {
            new AspectRequest(text, "Pellam Tiles", all.Where(m => m.IssuerId == "Pellam Tiles").ToList()),
            new AspectRequest("Another text about Harwood Glass.", "Harwood Glass", FirmScoring.MentionsOf("Another text about Harwood Glass.", "Harwood Glass")),
            new AspectRequest(text, "Harwood Glass", all.Where(m => m.IssuerId == "Harwood Glass").ToList()),
        };

        var cut = IssuerClauseScope.CutAll(requests);

        Assert.Equal("while Pellam Tiles warned on costs", cut[0].Text);
        Assert.Same(requests[1], cut[1]);
        Assert.Equal("Harwood Glass lifted its margin forecast", cut[2].Text);
    }

    [Fact]
    public void Every_cut_keeps_each_mention_on_its_name_and_is_a_sequence_of_pieces_of_the_text()
    {
        var clauses = new[] { "rose 4 %", "fell sharply", "was downgraded", "agreed a deal", "missed estimates" };
        var joins = new[] { ", while ", " but ", ". ", " and ", ", " };
        var names = new[] { "Alder Co", "Birch Ltd", "Cedar Inc" };
        var gen = from order in Gen.Shuffle(names)
                  from picks in Gen.ArrayOf(Gen.Elements(clauses), 3)
                  from glue in Gen.ArrayOf(Gen.Elements(joins), 2)
                  select order[0] + " " + picks[0] + glue[0] + order[1] + " " + picks[1] + glue[1] + order[2] + " " + picks[2] + ".";
        Prop.ForAll(gen.ToArbitrary(), text =>
        {
            var all = FirmScoring.MentionsOf(text, names);
            foreach (var name in names)
            {
                var request = new AspectRequest(text, name, all.Where(m => m.IssuerId == name).ToList());
                var cut = IssuerClauseScope.Cut(request, all.ToArray());
                Assert.NotEmpty(cut.Mentions);
                foreach (var m in cut.Mentions)
                {
                    Assert.Equal(name, cut.Text[m.Start..m.End]);
                }

                foreach (var piece in cut.Text.Split(IssuerClauseScope.Gap))
                {
                    Assert.Contains(piece, text, StringComparison.Ordinal);
                }
            }
        }).QuickCheckThrowOnFailure();
    }
}
