using StreamRisk.Core.Sentiment;
using StreamRisk.Nlp.Sentiment;
using StreamRisk.Nlp.Tokenization;
using StreamRisk.Nlp.Training.Data;
using StreamRisk.Nlp.Training.Tests.Modeling;
using StreamRisk.Nlp.Training.Training;

namespace StreamRisk.Nlp.Training.Tests.Training;

/// <summary>With names masked, training rows are the rows serving builds: the other issuers' names are taken from the
/// whole text before it is cut, and the two paths give the same token ids.</summary>
public sealed class RowEncoder_MentionMasking
{
    private static readonly WordPieceTextEncoder Tokenizer =
        WordPieceTextEncoder.FromVocabulary(FirmSentimentOnnxExport_MatchesTorch.Vocab, true, true, true);

    private static readonly IssuerNameMask Mask = IssuerNameMask.For(Tokenizer)!;

    private static List<LabelledText> Rows()
    {
        (string Text, string Issuer)[] pairs =
        [
            ("Galloway Copper beat Trevane Mining to the smelter contract.", "Galloway Copper"),
            ("Galloway Copper beat Trevane Mining to the smelter contract.", "Trevane Mining"),
            ("Unlike Hobart Metals, Ince Alloys reported higher profit, while Joss Steel cut jobs.", "Hobart Metals"),
            ("Unlike Hobart Metals, Ince Alloys reported higher profit, while Joss Steel cut jobs.", "Ince Alloys"),
            ("Unlike Hobart Metals, Ince Alloys reported higher profit, while Joss Steel cut jobs.", "Joss Steel"),
            ("Prosperity Bank reported a jump in bad loans.", "Prosperity Bank"),
        ];
        return pairs.Select(p => new LabelledText(p.Text, 1, p.Issuer, LabelledTextReader.Occurrences(p.Text, p.Issuer), 0)).ToList();
    }

    [Fact]
    public void Training_rows_equal_serving_rows_with_clauses_cut()
    {
        var rows = Rows();
        var training = RowEncoder.Encode(Tokenizer, RowEncoder.CutToIssuerClauses(RowEncoder.WithOtherIssuers(rows)), 128, mask: Mask);

        var requests = RowEncoder.Requests(rows);
        var serving = AspectRowPlanner.Plan(Tokenizer, IssuerClauseScope.CutAll(requests), 128, Mask, IssuerNameMask.OtherNames(requests));

        Assert.Equal(serving.Count, training.Count);
        for (var i = 0; i < serving.Count; i++)
            Assert.Equal(serving[i].TextIds.ToArray(), training[i].Ids[1..^1]);
    }

    [Fact]
    public void Other_issuers_are_the_names_labelled_on_the_same_text()
    {
        var rows = RowEncoder.WithOtherIssuers(Rows());

        Assert.Equal(["Trevane Mining"], rows[0].OtherIssuers);
        Assert.Equal(["Ince Alloys", "Joss Steel"], rows[2].OtherIssuers);
        Assert.Empty(rows[5].OtherIssuers);
    }

    [Fact]
    public void No_name_token_is_left_in_a_masked_row()
    {
        var encoded = RowEncoder.Encode(Tokenizer, RowEncoder.WithOtherIssuers(Rows()), 128, mask: Mask);
        var nameIds = new[] { "galloway", "trevane", "hobart", "ince", "joss", "prosperity" }
            .SelectMany(w => Tokenizer.Encode(w).Ids).ToHashSet();

        Assert.All(encoded, r => Assert.DoesNotContain(r.Ids, id => nameIds.Contains(id)));
        Assert.All(encoded, r => Assert.Contains(Mask.IssuerId, r.Ids));
    }
}
