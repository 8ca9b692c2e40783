using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Text;

namespace StreamRisk.Core.Tests.Text;

public class GazetteerIssuerRecognizer_EndToEnd
{
    private static readonly Issuer[] Issuers =
    [
        new("toyota", "Toyota Motor Corporation", ["Toyota", "トヨタ"], ["TM", "7203"], ["autos"]),
        new("exxon", "Exxon Mobil Corporation", ["ExxonMobil", "Exxon"], ["XOM"], ["energy"]),
        new("bp", "BP p.l.c.", ["BP"], ["BP"], ["energy"]),
        new("sinopec", "中国石油化工股份有限公司", ["Sinopec", "中国石化"], ["SNP"], ["energy"]),
        new("chevron", "Chevron Corporation", [], ["CVX"], ["energy"]),
        new("nestle", "Nestlé S.A.", ["Nestle"], ["NESN"], ["food"]),
    ];

    [Fact]
    public void Finds_every_issuer_of_a_multi_issuer_text_in_text_order()
    {
        var recognizer = new GazetteerIssuerRecognizer(Issuers);
        const string text =
            "ＴＯＹＯＴＡ and Exxon Mobil Corp signed a deal; BP's bonds (<XOM> peers) rallied while Chevron Corporaton, " +
            "NESTLÉ and 中国石油化工宣布 new issues.\n\nExxonville is not a name; Exxonmobilx would be a typo.";

        var mentions = recognizer.Recognize(text);

        Assert.Equal(
            [
                ("toyota", "ＴＯＹＯＴＡ", "exact"),
                ("exxon", "Exxon Mobil Corp", "exact"),
                ("bp", "BP", "exact"),
                ("exxon", "XOM", "exact"),
                ("chevron", "Chevron Corporaton", "fuzzy"),
                ("nestle", "NESTLÉ", "exact"),
                ("sinopec", "中国石油化工", "exact"),
                ("exxon", "Exxonmobilx", "fuzzy"),
            ],
            mentions.Select(m => (m.IssuerId, m.Surface, m.Method)));
        Assert.All(mentions, m => Assert.Equal(m.Surface, text.Substring(m.Start, m.End - m.Start)));
        Assert.All(mentions.Where(m => m.Method == "exact"), m => Assert.Equal(1.0, m.Similarity));
    }

    [Fact]
    public void Returns_nothing_for_a_text_without_issuers()
    {
        var recognizer = new GazetteerIssuerRecognizer(Issuers);
        Assert.Empty(recognizer.Recognize(""));
        Assert.Empty(recognizer.Recognize("The Federal Reserve held rates on Wednesday."));
    }

    [Fact]
    public void Gives_the_same_answer_from_many_threads()
    {
        var recognizer = new GazetteerIssuerRecognizer(Issuers);
        const string text = "Toyota, BP and Chevron Corporaton.";
        var expected = recognizer.Recognize(text);
        var results = new IReadOnlyList<IssuerMention>[64];
        Parallel.For(0, results.Length, i => results[i] = recognizer.Recognize(i % 2 == 0 ? text : "Exxon " + text));
        for (var i = 0; i < results.Length; i += 2) Assert.Equal(expected, results[i]);
    }
}
