using StreamRisk.Core.Text;

namespace StreamRisk.Core.Tests.Text;

public class TextNormalizer_InvisibleCharacters
{
    [Theory]
    [InlineData("\u200B\u200C\u200D\u2060\uFEFF\u00AD", "")]
    [InlineData(" \u200B \uFEFF ", "")]
    [InlineData("Tex\u200Baco rose", "Texaco rose")]
    [InlineData("finan\u00ADcial \u202Ehidden\u202C", "financial hidden")]
    public void Count_as_nothing(string text, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Fact]
    public void Removing_one_between_a_letter_and_a_combining_mark_still_gives_nfc()
    {
        var once = TextNormalizer.Normalize("e\u200B\u0301");
        Assert.Equal("\u00E9", once);
        Assert.Equal(once, TextNormalizer.Normalize(once));
    }
}
