using StreamRisk.Core.Sentiment;
using StreamRisk.Nlp.Sentiment;

namespace StreamRisk.Nlp.Tests.Sentiment;

/// <summary>A model whose manifest says <c>aspect_scope: clauses</c> reads each issuer's clauses only.</summary>
public class OnnxAbsaModel_AspectScope
{
    private const string Text = "Meridian Holdings beat estimates, while Apex Energy cut its dividend after a weak quarter.";

    [Fact]
    public void Each_issuer_is_scored_on_its_own_clauses()
    {
        using var clauses = LoadWithScope("clauses");
        var requests = new[] { AbsaRequests.For(Text, "MER", "Meridian Holdings"), AbsaRequests.For(Text, "APX", "Apex Energy") };

        var scoped = clauses.Score(requests);
        var cut = IssuerClauseScope.CutAll(requests);
        var onCutText = TestModels.AbsaGraph.Score(cut);

        Assert.Equal("Meridian Holdings beat estimates", cut[0].Text);
        Assert.StartsWith("while Apex Energy cut its dividend", cut[1].Text, StringComparison.Ordinal);
        for (var i = 0; i < requests.Length; i++)
        {
            Assert.Equal(onCutText[i].Positive, scoped[i].Positive, 6);
            Assert.Equal(onCutText[i].Negative, scoped[i].Negative, 6);
        }
    }

    [Fact]
    public void Scope_text_is_the_default_and_reads_the_whole_text()
    {
        using var text = LoadWithScope("text");
        var request = AbsaRequests.For(Text, "MER", "Meridian Holdings");
        var other = AbsaRequests.For(Text, "APX", "Apex Energy");

        Assert.Equal(TestModels.AbsaGraph.Score([request, other])[0].Positive, text.Score([request, other])[0].Positive, 6);
        Assert.Equal(AspectScope.Text, TestModels.AbsaGraph.Scope);
    }

    private static OnnxAbsaModel LoadWithScope(string scope) => TestModels.AbsaGraphWith(m => m["aspect_scope"] = scope);
}
