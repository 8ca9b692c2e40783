using System.Text;
using StreamRisk.Core.Ingest;

namespace StreamRisk.Core.Tests.Ingest;

public class TextEncodingSniffer_Detection
{
    private const string Record = """{"doc_id":"a","body":"x"}""";

    public static TheoryData<string, byte[], string?, int> Files => new()
    {
        { "UTF-8", Encoding.UTF8.GetBytes(Record), null, 0 },
        { "UTF-8 with BOM", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Record)], null, 3 },
        { "UTF-8, non-ASCII", Encoding.UTF8.GetBytes("""{"body":"债券违约"}"""), null, 0 },
        { "UTF-16LE with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Record)], "UTF-16LE", 0 },
        { "UTF-16BE with BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Record)], "UTF-16BE", 0 },
        { "UTF-16LE", Encoding.Unicode.GetBytes(Record), "UTF-16LE", 0 },
        { "UTF-16BE", Encoding.BigEndianUnicode.GetBytes(Record), "UTF-16BE", 0 },
        { "UTF-32LE with BOM", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(Record)], "UTF-32LE", 0 },
        { "UTF-32LE", Encoding.UTF32.GetBytes(Record), "UTF-32LE", 0 },
        { "too short to tell", [(byte)'{', 0], null, 0 },
        { "empty", [], null, 0 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Recognises(string what, byte[] head, string? unsupported, int bom)
    {
        var sniffed = TextEncodingSniffer.Detect(head);
        Assert.True(unsupported == sniffed.Unsupported, what);
        Assert.Equal(bom, sniffed.BomLength);
    }
}
