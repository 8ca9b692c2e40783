using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Text;

namespace StreamRisk.Core.Tests.Text;

public class TextNormalizer_Normalisation
{
    [Fact]
    public void Composes_decomposed_letters_to_nfc()
    {
        Assert.Equal("Soci\u00E9t\u00E9 G\u00E9n\u00E9rale", TextNormalizer.Normalize("Socie\u0301te\u0301 Ge\u0301ne\u0301rale"));
    }

    [Fact]
    public void Collapses_whitespace_runs_to_one_space_and_trims()
    {
        Assert.Equal("Exxon Mobil cut capex", TextNormalizer.Normalize("  Exxon \t Mobil\u00A0\u00A0cut\ncapex \r\n "));
    }

    [Fact]
    public void Keeps_paragraph_breaks_as_two_newlines()
    {
        Assert.Equal("Headline\n\nBody text.", TextNormalizer.Normalize("Headline \n \n\n  Body\ttext."));
        Assert.Equal("Headline\n\nBody", TextNormalizer.Normalize("Headline\r\n\r\nBody"));
        Assert.Equal("one line break", TextNormalizer.Normalize("one line\r\nbreak"));
    }

    [Fact]
    public void Strips_control_characters_but_not_newline_or_tab()
    {
        Assert.Equal("BP results", TextNormalizer.Normalize("\u0001BP\u0007 res\u0000ults\u001B"));
        Assert.Equal("a b", TextNormalizer.Normalize("a\u0002 \u0003 b"));
    }

    [Fact]
    public void Replaces_lone_surrogates_instead_of_failing()
    {
        Assert.Equal("a\uFFFDb", TextNormalizer.Normalize("a\uD800b"));
        Assert.Equal("\U0001F600", TextNormalizer.Normalize("\U0001F600"));
    }

    [Fact]
    public void Returns_canonical_text_unchanged()
    {
        const string text = "Toyota Motor Corp said on Monday.\n\nIt expects higher sales.";
        Assert.Same(text, TextNormalizer.Normalize(text));
    }

    private static readonly char[] Tricky =
    [
        'a', 'B', 'e', ' ', ' ', '\n', '\n', '\r', '\t', '\u0001', '\u0007', '\u0301', '\u0308', '\u00A0', '\u2029',
        '\u2028', '\u0085', '\u3000', '\uD83D', '\uDE00', '\u1100', '\u1161', '\u11A8', '\u00E9', '\u4E2D', '.',
    ];

    internal static Arbitrary<string> TrickyText() =>
        Gen.Elements(Tricky).ArrayOf().Select(chars => new string(chars)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Is_idempotent_on_tricky_text() =>
        Prop.ForAll(TrickyText(), text =>
        {
            var once = TextNormalizer.Normalize(text);
            return TextNormalizer.Normalize(once) == once;
        });

    [Property(MaxTest = 300)]
    public bool Is_idempotent_on_any_string(NonNull<string> text)
    {
        var once = TextNormalizer.Normalize(text.Get);
        return TextNormalizer.Normalize(once) == once;
    }

    [Property(MaxTest = 300)]
    public Property Output_has_no_controls_no_edge_space_and_no_double_space() =>
        Prop.ForAll(TrickyText(), text =>
        {
            var result = TextNormalizer.Normalize(text);
            var noControls = result.All(c => !char.IsControl(c) || c == '\n');
            var trimmed = result.Length == 0 || (!char.IsWhiteSpace(result[0]) && !char.IsWhiteSpace(result[^1]));
            var noRuns = !result.Contains("  ") && !result.Contains("\n\n\n") && !result.Contains(" \n") && !result.Contains("\n ");
            return noControls && trimmed && noRuns && result.IsNormalized(System.Text.NormalizationForm.FormC);
        });
}
