using System.Text;
using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Tests.Stages;

public class IngestStage_BadInput
{
    private const string Good = """{"doc_id":"ok-1","source":"wire","published_at":"2024-05-01T10:00:00Z","headline":"H","body":"Texaco rose."}""";

    private static async Task<(IReadOnlyList<DeadLetter> Letters, IReadOnlyList<NewsDocument> Docs)> IngestAsync(params byte[][] inputs)
    {
        await using var harness = await StageHarness.CreateAsync();
        await using var stage = new IngestStage(harness.Context, new IngestOptions { MaxBodyBytes = 1024 }, 1, consultStore: false);
        var i = 0;
        foreach (var input in inputs) await harness.PublishAsync(Topics.NewsRaw, "k" + i++, input);
        while (await stage.PumpAsync(100, TimeSpan.Zero, CancellationToken.None) > 0) { }
        return (await harness.ReadAsync<DeadLetter>(Topics.DeadLetters), await harness.ReadAsync<NewsDocument>(Topics.Docs));
    }

    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);

    [Theory]
    [InlineData("""{"doc_id":"a","source":"w","published_at":"2024-05-01T10:00:00Z","body":"x""", Rejection.MalformedJson)]
    [InlineData("""{"doc_id":"a","source":"w","published_at":"2024-05-01T10:00:00Z"}""", Rejection.SchemaViolation)]
    [InlineData("""{"doc_id":"a","source":"w","published_at":12345,"body":"x"}""", Rejection.SchemaViolation)]
    [InlineData("""{"doc_id":"a","source":"w","published_at":"yesterday","body":"x"}""", Rejection.SchemaViolation)]
    [InlineData("""{"doc_id":7,"source":"w","published_at":"2024-05-01T10:00:00Z","body":"x"}""", Rejection.SchemaViolation)]
    [InlineData("""{"doc_id":"a","source":"w","published_at":"2024-05-01T10:00:00Z","body":""}""", Rejection.SchemaViolation)]
    [InlineData("""{"doc_id":"a","source":"w","published_at":"2024-05-01T10:00:00Z","body":"  \n\t "}""", Rejection.EmptyBody)]
    [InlineData("""{"doc_id":"a","source":"w","published_at":"2999-01-01T00:00:00Z","body":"x"}""", Rejection.TimestampInFuture)]
    [InlineData("""{"doc_id":"a","source":"w","published_at":"1899-12-31T23:59:59Z","body":"x"}""", Rejection.TimestampTooOld)]
    [InlineData("[1,2,3]", Rejection.SchemaViolation)]
    public async Task Each_bad_record_is_dead_lettered_with_its_reason_and_the_next_one_still_goes_through(string json, string reason)
    {
        var (letters, docs) = await IngestAsync(Bytes(json), Bytes(Good));
        var letter = Assert.Single(letters);
        Assert.True(reason == letter.ReasonCode, $"{letter.ReasonCode}: {letter.Reason}");
        Assert.Equal(json, Encoding.UTF8.GetString(Convert.FromBase64String(letter.OriginalBase64)));
        Assert.Equal(Topics.NewsRaw, letter.SourceTopic);
        Assert.Equal("ingest", letter.Stage);
        Assert.Equal("ok-1", Assert.Single(docs).DocId);
    }

    [Fact]
    public async Task Invalid_utf8_is_dead_lettered_with_the_offending_offset_and_the_exact_bytes()
    {
        var bad = Bytes("""{"doc_id":"a","source":"w","published_at":"2024-05-01T10:00:00Z","body":"x""").Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Bytes("\"}")).ToArray();
        var (letters, _) = await IngestAsync(bad);
        var letter = Assert.Single(letters);
        Assert.Equal(Rejection.InvalidUtf8, letter.ReasonCode);
        Assert.Contains("offset", letter.Reason);
        Assert.Equal(bad, Convert.FromBase64String(letter.OriginalBase64));
    }

    [Fact]
    public async Task An_oversize_body_is_dead_lettered()
    {
        var body = new string('x', 2000);
        var (letters, docs) = await IngestAsync(Bytes($$"""{"doc_id":"a","source":"w","published_at":"2024-05-01T10:00:00Z","body":"{{body}}"}"""));
        Assert.Equal(Rejection.Oversize, Assert.Single(letters).ReasonCode);
        Assert.Empty(docs);
    }

    [Fact]
    public async Task A_resent_text_or_the_same_text_under_another_id_is_counted_once()
    {
        var other = Good.Replace("ok-1", "ok-2").Replace("Texaco rose.", "Texaco   rose. ");
        var (letters, docs) = await IngestAsync(Bytes(Good), Bytes(Good), Bytes(other));
        Assert.Empty(letters);
        Assert.Single(docs);
    }
}
