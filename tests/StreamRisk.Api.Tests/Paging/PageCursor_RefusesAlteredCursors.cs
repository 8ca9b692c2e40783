using StreamRisk.Api.Paging;

namespace StreamRisk.Api.Tests.Paging;

/// <summary>A cursor reads back only unchanged, under the scope it was made for, and with the key that signed it.</summary>
public sealed class PageCursor_RefusesAlteredCursors
{
    private static readonly PageCursor Cursors = new(PageCursor.DefaultKey);

    [Fact]
    public void A_cursor_round_trips_its_position()
    {
        var cursor = Cursors.Encode("alerts|-", ["2024-03-01", "iss001:jump:2024-03-01"]);

        Assert.Equal(["2024-03-01", "iss001:jump:2024-03-01"], Cursors.Decode("alerts|-", cursor));
        Assert.DoesNotContain("iss001", cursor, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_changed_character_another_scope_or_another_key_is_refused()
    {
        var cursor = Cursors.Encode("documents|=iss001", ["638000000000000000", "doc-1"]);

        for (var i = 0; i < cursor.Length; i++)
        {
            foreach (var c in "AB_-.0")
            {
                var altered = cursor[..i] + c + cursor[(i + 1)..];
                if (altered != cursor)
                {
                    Assert.Null(Cursors.Decode("documents|=iss001", altered));
                }
            }
        }
        Assert.Null(Cursors.Decode("documents|=iss002", cursor));
        Assert.Null(new PageCursor([1, 2, 3]).Decode("documents|=iss001", cursor));
        Assert.Null(Cursors.Decode("documents|=iss001", cursor[..^1]));
        Assert.Null(Cursors.Decode("documents|=iss001", ""));
        Assert.Null(Cursors.Decode("documents|=iss001", "."));
    }
}
