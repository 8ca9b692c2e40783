using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;

namespace StreamRisk.Pipeline.Tests.Running;

[Collection(SampleRunCollection.Name)]
public class PipelineRun_SampleCorpus(SampleRunFixture run)
{
    [Fact]
    public void Every_stage_does_work_on_the_sample_corpus()
    {
        var c = run.First.Counters;
        Assert.True(c.Documents >= 80, $"documents {c.Documents}");
        Assert.True(c.Mentions > c.Documents / 2, $"mentions {c.Mentions}");
        Assert.True(c.IssuerFreeDocuments > 0);
        Assert.True(c.FirmSentiments > 0);
        Assert.True(c.IndustrySentiments > 0);
        Assert.True(c.DailyValues > 0);
        Assert.Equal(c.DailyValues, c.RiskScores);
        Assert.True(c.Duplicates > 0, "the hand-made set holds duplicates");
    }

    [Theory]
    [InlineData(Rejection.MalformedJson)]
    [InlineData(Rejection.InvalidUtf8)]
    [InlineData(Rejection.SchemaViolation)]
    [InlineData(Rejection.TimestampInFuture)]
    [InlineData(Rejection.TimestampTooOld)]
    [InlineData(Rejection.UnknownIssuer)]
    public void Each_kind_of_bad_sample_record_is_dead_lettered_with_its_reason(string reason)
    {
        Assert.True(run.First.Counters.DeadLettersByReason.GetValueOrDefault(reason) > 0,
            $"no dead letter with reason {reason}; got {string.Join(", ", run.First.Counters.DeadLettersByReason)}");
    }

    [Fact]
    public void Nothing_is_lost_every_news_record_is_a_document_a_duplicate_or_a_dead_letter()
    {
        var c = run.First.Counters;
        var newsDeadLetters = File.ReadLines(Path.Combine(run.FirstOut, Topics.DeadLetters + ".jsonl"))
            .Select(l => EventJson.Deserialize<DeadLetter>(System.Text.Encoding.UTF8.GetBytes(l)))
            .Count(d => d.SourceTopic == Topics.NewsRaw);
        Assert.Equal(c.Inputs, c.Documents + c.Duplicates + newsDeadLetters);
    }

    [Fact]
    public void Two_runs_over_the_same_input_write_byte_identical_topic_files()
    {
        var names = Directory.GetFiles(run.FirstOut, "*.jsonl").Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(Topics.All.Count, names.Length);
        foreach (var name in names)
        {
            var a = File.ReadAllBytes(Path.Combine(run.FirstOut, name!));
            var b = File.ReadAllBytes(Path.Combine(run.SecondOut, name!));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{name} differs between two runs");
        }
    }

    [Fact]
    public void The_store_holds_what_the_topics_carried()
    {
        var s = run.First.Store;
        Assert.Equal(run.First.Counters.Documents, s.Documents);
        Assert.Equal(run.First.Counters.FirmSentiments, s.FirmSentiments);
        Assert.Equal(run.First.Counters.Alerts, s.Alerts);
        Assert.Equal(run.First.Counters.DeadLetters, s.DeadLetters);
        // A record with the same bytes as an earlier one (the corpus repeats one) is journaled once.
        Assert.Equal(run.First.InputRecords - run.First.AlreadyStored, s.RawInputs);
    }
}
