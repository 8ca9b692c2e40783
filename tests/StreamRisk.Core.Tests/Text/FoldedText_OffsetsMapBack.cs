using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Text;

namespace StreamRisk.Core.Tests.Text;

public class FoldedText_OffsetsMapBack
{
    // Every kind of character folding treats differently, except ligatures (one character folds to several,
    // so a range ending inside the expansion has no exact original counterpart).
    private static readonly string[] Pieces =
    [
        "a", "B", "é", "e\u0301", "Ｔ", "ｏ", "５", " ", "  ", "\t", "\n", "\n\n", "\r\n\r\n", "\u00AD", "\u200B", "中",
        "国", "\u3000", "\U0001F600", "-", "'", "\u2019",
    ];

    private static Arbitrary<string> Texts() =>
        Gen.Elements(Pieces).ArrayOf().Select(parts => string.Concat(parts)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Every_folded_range_folds_back_from_its_original_range() =>
        Prop.ForAll(Texts(), text =>
        {
            var folded = FoldedText.Of(text);
            var f = folded.Folded.ToString();
            for (var s = 0; s < f.Length; s++)
            for (var e = s + 1; e <= f.Length; e++)
            {
                var (start, end) = folded.ToOriginal(s, e);
                if (start < 0 || end > text.Length || start >= end) return false;
                var refolded = FoldedText.FoldName(text[start..end]);
                if (refolded != f[s..e].Trim(' ', '\n')) return false;
            }
            return true;
        });

    private static readonly Issuer Toyota = new("toyota", "Toyota Motor Corporation", ["Toyota"], ["TM"], ["autos"]);
    private static readonly Issuer Nestle = new("nestle", "Nestlé S.A.", [], ["NESN"], ["food"]);
    private static readonly GazetteerIssuerRecognizer Recognizer = new([Toyota, Nestle]);

    private static readonly string[] Surfaces = ["Toyota", "ＴＯＹＯＴＡ", "TOYOTA", "toyota  motor\ncorporation", "Nestlé", "Nestle\u0301", "NESTLE", "NESN", "Ｔｏｙｏｔａ Motor Corp."];
    private static readonly string[] Fillers = [" ", " said ", ", ", "\n\n", " \u00AD ", "中国", " (", ") ", " the "];

    private static Arbitrary<string> Sentences() =>
        Gen.Elements(Surfaces).Zip(Gen.Elements(Fillers)).Select(p => p.Item1 + p.Item2).ArrayOf()
            .Select(parts => "News: " + string.Concat(parts)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Mention_surfaces_are_slices_of_the_original_text_that_name_the_issuer() =>
        Prop.ForAll(Sentences(), text =>
        {
            var mentions = Recognizer.Recognize(text);
            var expected = Surfaces.Count(s => text.Contains(s, StringComparison.Ordinal)) > 0;
            return mentions.All(m =>
                       text.Substring(m.Start, m.End - m.Start) == m.Surface
                       && NamesIssuer(m))
                   && (!expected || mentions.Count > 0)
                   && mentions.Zip(mentions.Skip(1)).All(p => p.First.End <= p.Second.Start);
        });

    private static bool NamesIssuer(IssuerMention m)
    {
        var surface = FoldedText.FoldName(m.Surface);
        var issuer = m.IssuerId == "toyota" ? Toyota : Nestle;
        var names = new[] { issuer.LegalName }.Concat(issuer.Aliases).Concat(issuer.Tickers)
            .Select(n => FoldedText.FoldName(n)).ToList();
        var core = LegalSuffixes.StripAll(surface).ToString();
        return core.Length > 0 && names.Any(n => n.StartsWith(core, StringComparison.Ordinal));
    }
}
