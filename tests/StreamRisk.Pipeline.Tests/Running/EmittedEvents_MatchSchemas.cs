using System.Text;
using StreamRisk.Core.Events;
using StreamRisk.Infrastructure.Schemas;

namespace StreamRisk.Pipeline.Tests.Running;

[Collection(SampleRunCollection.Name)]
public class EmittedEvents_MatchSchemas(SampleRunFixture run)
{
    [Fact]
    public void Every_event_the_pipeline_emits_validates_against_its_topic_schema()
    {
        var checkedCount = 0;
        // news.raw.v1 holds the inputs as given, bad records included: everything downstream is the pipeline's own.
        foreach (var topic in Topics.All.Where(t => t != Topics.NewsRaw && t != Topics.Fundamentals && t != Topics.Spreads))
        {
            foreach (var line in File.ReadLines(Path.Combine(run.FirstOut, topic + ".jsonl")))
            {
                var check = EventSchemas.Default.Check(topic, Encoding.UTF8.GetBytes(line));
                Assert.True(check.IsValid, $"{topic}: {check.Describe()}\n{line}");
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 100, $"only {checkedCount} events checked");
    }

    [Fact]
    public void There_is_a_schema_for_every_topic()
    {
        Assert.Equal(Topics.All.Order(StringComparer.Ordinal), EventSchemas.Default.Names);
    }
}
