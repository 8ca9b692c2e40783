using StreamRisk.Infrastructure.RealData;

namespace StreamRisk.Infrastructure.Tests.RealData;

public sealed class CsvRecordReader_Quoting
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_lines_are_counted()
    {
        var reader = new CsvRecordReader(new StringReader("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\n3,4,5\n"), "t.csv");
        Assert.Equal(["a", "b,c", "say \"hi\""], reader.Next(out var first)!);
        Assert.Equal(1, first);
        Assert.Equal(["two\nlines", "x", ""], reader.Next(out var second)!);
        Assert.Equal(2, second);
        Assert.Equal(["3", "4", "5"], reader.Next(out var third)!);
        Assert.Equal(4, third);
        Assert.Null(reader.Next(out _));
    }

    [Fact]
    public void An_unclosed_quote_is_an_error()
    {
        var reader = new CsvRecordReader(new StringReader("a,\"b\n"), "t.csv");
        var error = Assert.Throws<RealDataFormatException>(() => reader.Next(out _));
        Assert.Contains("t.csv line 1", error.Message, StringComparison.Ordinal);
    }
}
