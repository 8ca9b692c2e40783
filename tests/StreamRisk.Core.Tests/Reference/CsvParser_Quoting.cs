using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Tests.Reference;

public class CsvParser_Quoting
{
    private static IReadOnlyList<CsvRecord> Parse(string text) => CsvParser.Parse(new ReferenceFile("t.csv", text));

    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var records = Parse("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,row,here\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(["x, y", "say \"hi\"", "two\nlines"], records[1].Fields);
        Assert.Equal(2, records[1].LineNumber);
        Assert.Equal(4, records[2].LineNumber);
    }

    [Fact]
    public void Crlf_bom_blank_lines_and_missing_final_newline_are_accepted()
    {
        var records = Parse("\uFEFFid,name\r\n\r\nx,1\r\ny,2");

        Assert.Equal(3, records.Count);
        Assert.Equal("id", records[0].Fields[0]);
        Assert.Equal(["y", "2"], records[2].Fields);
        Assert.Equal(4, records[2].LineNumber);
    }

    [Fact]
    public void Empty_trailing_field_is_kept()
    {
        var records = Parse("a,b,c\nx,,\n");

        Assert.Equal(["x", "", ""], records[1].Fields);
    }

    [Fact]
    public void Unterminated_quote_names_line_and_column()
    {
        var e = Assert.Throws<ReferenceDataException>(() => Parse("id,definition\nt1,ok\nt2,\"never closed\nmore\n"));

        Assert.Equal(3, e.LineNumber);
        Assert.Equal("definition", e.Field);
        Assert.StartsWith("t.csv line 3, field 'definition':", e.Message);
        Assert.Contains("never closed", e.Message);
    }

    [Fact]
    public void Text_after_closing_quote_is_rejected()
    {
        var e = Assert.Throws<ReferenceDataException>(() => Parse("id,name\n\"a\"b,c\n"));

        Assert.Equal(2, e.LineNumber);
        Assert.Equal("id", e.Field);
        Assert.Contains("\"\"", e.Message);
    }

    [Fact]
    public void Quote_inside_unquoted_field_is_rejected()
    {
        var e = Assert.Throws<ReferenceDataException>(() => Parse("id,name\nx,say \"hi\"\n"));

        Assert.Equal(2, e.LineNumber);
        Assert.Equal("name", e.Field);
    }
}
