using StreamRisk.Nlp.Training.Data;

namespace StreamRisk.Nlp.Training.Tests.Data;

public sealed class LabelledTextReader_Read : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sr-labels-").FullName;

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Csv_with_issuer_finds_every_mention_at_word_boundaries()
    {
        var path = Write("a.csv", "text,label,issuer\n\"Acme fell, and Acme's bonds too; Acmeco rose\",negative,Acme\nPlain text,neutral,\n");
        var rows = LabelledTextReader.Read(path);
        Assert.Equal(2, rows.Count);
        Assert.Equal(SentimentClasses.Negative, rows[0].Label);
        Assert.Equal([new MentionSpan(0, 4), new MentionSpan(15, 19)], rows[0].Mentions);
        Assert.Null(rows[1].Issuer);
        Assert.Empty(rows[1].Mentions);
    }

    [Fact]
    public void Jsonl_takes_explicit_mentions_and_numeric_labels()
    {
        var path = Write("b.jsonl", "{\"text\": \"Beta rose\", \"label\": 1, \"issuer\": \"Beta\", \"mentions\": [[0, 4]]}\n\n{\"text\": \"x\", \"label\": \"-1\"}\n");
        var rows = LabelledTextReader.Read(path);
        Assert.Equal(SentimentClasses.Positive, rows[0].Label);
        Assert.Equal([new MentionSpan(0, 4)], rows[0].Mentions);
        Assert.Equal(SentimentClasses.Negative, rows[1].Label);
    }

    [Theory]
    [InlineData("c.csv", "text,label\nhello,great\n", "line 2", "label 'great'")]
    [InlineData("d.csv", "words,label\nhello,neutral\n", "line 1", "expected columns text and label")]
    [InlineData("e.csv", "text,label,issuer\nhello,neutral,Zeta\n", "line 2", "does not contain")]
    [InlineData("f.jsonl", "{\"text\": \"ab\", \"label\": \"neutral\", \"mentions\": [[1, 5]]}\n", "line 1", "outside the text")]
    [InlineData("g.txt", "x", "g.txt", "expected .csv or .jsonl")]
    public void Bad_files_name_file_line_and_fix(string name, string content, string where, string what)
    {
        var e = Assert.Throws<TrainingDataException>(() => LabelledTextReader.Read(Write(name, content)));
        Assert.Contains(name, e.Message);
        Assert.Contains(where, e.Message);
        Assert.Contains(what, e.Message);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
