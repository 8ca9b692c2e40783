using StreamRisk.Core.Reference;
using StreamRisk.Core.Text;

namespace StreamRisk.Core.Tests.Text;

public class GazetteerIssuerRecognizer_Cjk
{
    private static readonly GazetteerIssuerRecognizer Recognizer = new(
        [
            new Issuer("sinopec", "中国石油化工股份有限公司", ["中国石化", "Sinopec"], ["600028"], ["energy"]),
            new Issuer("toyota", "トヨタ自動車株式会社", ["Toyota", "トヨタ"], ["7203"], ["autos"]),
        ],
        new IssuerRecognizerOptions { Fuzzy = false });

    [Fact]
    public void Matches_inside_unspaced_chinese_text()
    {
        const string text = "中国石油化工宣布提高产量";
        var mention = Assert.Single(Recognizer.Recognize(text));
        Assert.Equal(("sinopec", "中国石油化工", 0, 6), (mention.IssuerId, mention.Surface, mention.Start, mention.End));
    }

    [Fact]
    public void Matches_the_full_legal_name_and_short_names_between_han_characters()
    {
        const string text = "据悉中国石油化工股份有限公司与中国石化同日公告";
        var mentions = Recognizer.Recognize(text);
        Assert.Equal(["中国石油化工股份有限公司", "中国石化"], mentions.Select(m => m.Surface));
        Assert.All(mentions, m => Assert.Equal("sinopec", m.IssuerId));
    }

    [Fact]
    public void Matches_latin_names_and_codes_embedded_in_cjk_text()
    {
        const string text = "Sinopec（600028）与Toyota合作，トヨタは発表した";
        var mentions = Recognizer.Recognize(text);
        Assert.Equal(["Sinopec", "600028", "Toyota", "トヨタ"], mentions.Select(m => m.Surface));
        Assert.Equal(["sinopec", "sinopec", "toyota", "toyota"], mentions.Select(m => m.IssuerId));
    }

    [Fact]
    public void Keeps_word_boundaries_for_latin_names_even_in_cjk_text()
    {
        Assert.Empty(Recognizer.Recognize("新款Toyotas车型与Sinopecx无关"));
    }
}
