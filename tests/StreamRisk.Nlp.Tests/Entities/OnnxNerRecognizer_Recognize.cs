using StreamRisk.Nlp.Entities;
using StreamRisk.Nlp.Runtime;

namespace StreamRisk.Nlp.Tests.Entities;

/// <summary>The NER test model is rigged (see make-test-models.py): "meridian", "zenith", "apex" tag B-ORG and
/// "holdings", "energy", "bank", "trading" tag I-ORG; everything else O.</summary>
public class OnnxNerRecognizer_Recognize
{
    private static readonly Lazy<OnnxNerRecognizer> Ner = new(() =>
        OnnxNerRecognizer.Load(TestModels.File("ner.manifest.json"), new IssuerNameLinker(TestIssuers.Universe), new OnnxRuntimeOptions { BatchSize = 2 }));

    [Fact]
    public void Entities_come_back_with_their_original_character_spans()
    {
        const string text = "🚀 Meridian Holdings rose; Zénith TRADING fell, and the bank sat still.";

        var spans = Ner.Value.FindEntities(text).Select(e => text[e.Start..e.End]).ToArray();

        Assert.Equal(["Meridian Holdings", "Zénith TRADING", "bank"], spans);
    }

    [Fact]
    public void Entities_are_linked_to_issuers_and_unlinkable_ones_dropped()
    {
        const string text = "🚀 Meridian Holdings rose; Zénith TRADING fell, and Apex Energy and the bank sat still.";

        var mentions = Ner.Value.Recognize(text);

        Assert.Equal(["MER", "ZEN", "APX"], mentions.Select(m => m.IssuerId));
        Assert.All(mentions, m => Assert.Equal(m.Surface, text[m.Start..m.End]));
        Assert.All(mentions, m => Assert.True(m.Similarity >= 0.8));
        Assert.Equal("exact", mentions[0].Method);
        Assert.Equal("fuzzy", mentions[2].Method);
    }

    [Fact]
    public void Entities_beyond_the_first_window_of_a_long_text_are_found()
    {
        var filler = string.Join(' ', Enumerable.Repeat("volumes were thin across the session", 60));
        var text = $"Zenith Trading opened. {filler} Meridian Holdings closed.";

        var mentions = Ner.Value.Recognize(text);

        Assert.Equal(["ZEN", "MER"], mentions.Select(m => m.IssuerId));
        Assert.Equal(text.LastIndexOf("Meridian", StringComparison.Ordinal), mentions[1].Start);
    }

    [Fact]
    public void A_text_without_entities_has_no_mentions()
    {
        Assert.Empty(Ner.Value.Recognize("Rates were unchanged."));
        Assert.Empty(Ner.Value.Recognize(""));
    }
}
