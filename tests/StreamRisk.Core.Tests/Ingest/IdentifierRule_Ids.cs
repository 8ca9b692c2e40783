using FsCheck.Xunit;
using StreamRisk.Core.Ingest;

namespace StreamRisk.Core.Tests.Ingest;

public class IdentifierRule_Ids
{
    [Theory]
    [InlineData("reuters-1987-0001")]
    [InlineData("a b")]
    [InlineData("café")]
    [InlineData("债券-2024")]
    [InlineData("x")]
    [InlineData("😀")]
    public void Accepts_visible_nfc_ids(string id) => Assert.Null(IdentifierRule.Problem("doc_id", id));

    [Theory]
    [InlineData("", "doc_id is empty")]
    [InlineData("   ", "doc_id is only whitespace or invisible characters; it must hold a visible character")]
    [InlineData("\t", "doc_id is only whitespace or invisible characters; it must hold a visible character")]
    [InlineData("\u3000", "doc_id is only whitespace or invisible characters; it must hold a visible character")]
    [InlineData("\u200B\uFEFF", "doc_id is only whitespace or invisible characters; it must hold a visible character")]
    [InlineData(" same ", "doc_id ' same ' starts or ends with whitespace or an invisible character; ids are compared exactly, so send it without")]
    [InlineData("same\u3000", "doc_id 'same\\u3000' starts or ends with whitespace or an invisible character; ids are compared exactly, so send it without")]
    [InlineData("\u200Bsame", "doc_id '\\u200Bsame' starts or ends with whitespace or an invisible character; ids are compared exactly, so send it without")]
    [InlineData("a\nb", "doc_id contains the control character U+000A at position 1")]
    [InlineData("a\u0085b", "doc_id contains the control character U+0085 at position 1")]
    [InlineData("cafe\u0301", "doc_id 'cafe\u0301' is not in Unicode NFC; send it composed (e.g. é as U+00E9, not e + U+0301)")]
    public void Refuses_with_what_is_wrong(string id, string problem) => Assert.Equal(problem, IdentifierRule.Problem("doc_id", id));

    [Fact]
    public void Refuses_a_lone_surrogate()
    {
        // Built at run time: an attribute cannot carry a lone surrogate (it becomes U+FFFD).
        var id = "a" + (char)0xD800;
        Assert.Equal("doc_id is not valid Unicode (it holds a lone surrogate)", IdentifierRule.Problem("doc_id", id));
    }

    [Property(MaxTest = 500)]
    public bool Never_throws_and_accepts_only_what_needs_no_repair(string? id)
    {
        var value = id ?? "";
        var accepted = IdentifierRule.Problem("doc_id", value) is null;
        // Accepted ids are fixed points of trimming: nothing was left for a silent repair to merge.
        return !accepted || (value.Trim() == value && value.Length > 0 && !value.Any(char.IsControl));
    }
}
