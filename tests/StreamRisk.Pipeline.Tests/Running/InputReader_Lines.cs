using System.Text;
using StreamRisk.Core.Events;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

public class InputReader_Lines
{
    private static string Write(byte[] content)
    {
        var path = Path.Combine(RepositoryPaths.NewTempDirectory(), "news.jsonl");
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void Lines_across_buffer_boundaries_longer_than_the_buffer_with_crlf_and_without_a_final_newline_come_back_exactly()
    {
        var lines = new List<byte[]>();
        for (var i = 0; i < 3000; i++)
        {
            lines.Add(Encoding.UTF8.GetBytes($$"""{"doc_id":"d{{i}}","body":"{{new string('x', i * 37 % 500)}}"}"""));
        }
        lines.Insert(1500, Encoding.UTF8.GetBytes($$"""{"doc_id":"long","body":"{{new string('y', 300_000)}}"}"""));
        lines.Insert(10, [0x7B, 0xC3, 0x28, 0xFF, 0x7D]); // invalid UTF-8 is passed on untouched
        var content = new MemoryStream();
        for (var i = 0; i < lines.Count; i++)
        {
            content.Write(lines[i]);
            if (i == lines.Count - 1) break; // no newline after the last line
            content.Write(i % 3 == 0 ? "\r\n"u8 : "\n"u8);
            if (i % 100 == 0) content.Write("  \n"u8); // blank lines are skipped
        }

        var read = InputReader.Read(Write(content.ToArray())).ToArray();

        Assert.Equal(lines.Count, read.Length);
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Equal(lines[i], read[i].Value);
            Assert.Equal(Topics.NewsRaw, read[i].Topic);
        }
        Assert.Equal("long", read[1501].Key);
    }

    [Fact]
    public void An_empty_file_has_no_records()
    {
        Assert.Empty(InputReader.Read(Write([])));
    }
}
