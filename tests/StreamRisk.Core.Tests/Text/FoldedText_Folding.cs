using StreamRisk.Core.Text;

namespace StreamRisk.Core.Tests.Text;

public class FoldedText_Folding
{
    [Fact]
    public void Folds_full_width_latin_and_digits_to_ascii()
    {
        var folded = FoldedText.Of("ＴＯＹＯＴＡ ２０２５");
        Assert.Equal("toyota 2025", folded.Folded.ToString());
        Assert.Equal("TOYOTA 2025", folded.CaseKept.ToString());
    }

    [Fact]
    public void Folds_case_and_latin_diacritics()
    {
        Assert.Equal("nestle societe generale", FoldedText.Of("NESTLÉ Société Générale").Folded.ToString());
        Assert.Equal("orsted lodz", FoldedText.Of("Ørsted Łódź").Folded.ToString());
    }

    [Fact]
    public void Drops_combining_marks_of_decomposed_text_and_zero_width_characters()
    {
        var folded = FoldedText.Of("Nestle\u0301 Ex\u00ADx\u200Bon");
        Assert.Equal("nestle exxon", folded.Folded.ToString());
        // Folded "exxon" is [7, 12); in the original it runs from 'E' (8) past 'n' (14), ignorables inside included.
        Assert.Equal((8, 15), folded.ToOriginal(7, 12));
    }

    [Fact]
    public void Expands_ligatures_and_maps_each_part_to_the_ligature()
    {
        var folded = FoldedText.Of("Ef\uFB01cient");
        Assert.Equal("efficient", folded.Folded.ToString());
        Assert.Equal((2, 3), folded.ToOriginal(2, 3));
        Assert.Equal((2, 3), folded.ToOriginal(3, 4));
    }

    [Fact]
    public void Collapses_whitespace_runs_and_keeps_paragraph_breaks_as_a_separator()
    {
        var folded = FoldedText.Of("Exxon \t\n Mobil\n\n\nBP");
        Assert.Equal("exxon mobil\nbp", folded.Folded.ToString());
        Assert.Equal((0, 14), folded.ToOriginal(0, 11));
        Assert.Equal((5, 9), folded.ToOriginal(5, 6));
    }

    [Fact]
    public void Folds_names_like_texts_and_trims_them()
    {
        Assert.Equal("toyota motor corp", FoldedText.FoldName("  ＴＯＹＯＴＡ  Motor Corp "));
        Assert.Equal("TOYOTA Motor", FoldedText.FoldName("ＴＯＹＯＴＡ Motor", keepCase: true));
    }
}
