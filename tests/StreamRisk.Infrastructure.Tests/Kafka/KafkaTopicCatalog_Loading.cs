using System.Text;
using StreamRisk.Core.Events;
using StreamRisk.Infrastructure.Kafka;
using StreamRisk.Tests.Shared;

namespace StreamRisk.Infrastructure.Tests.Kafka;

public sealed class KafkaTopicCatalog_Loading
{
    [Fact]
    public void The_catalog_names_every_pipeline_topic_once()
    {
        var catalog = KafkaTopicCatalog.LoadFile(RepositoryRoot.Of("infra/kafka/topics.json"));

        Assert.Equal(Topics.All.Order(StringComparer.Ordinal), catalog.Topics.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(catalog.Topics, t => Assert.InRange(t.Partitions, 1, 1000));
        Assert.All(catalog.Topics, t => Assert.True(t.RetentionMs == -1 || t.RetentionMs >= 3_600_000, $"{t.Name}: {t.RetentionMs}"));
    }

    [Fact]
    public void The_embedded_catalog_is_the_file_in_the_repository()
    {
        var file = KafkaTopicCatalog.LoadFile(RepositoryRoot.Of("infra/kafka/topics.json"));

        Assert.Equal(file.Topics, KafkaTopicCatalog.LoadEmbedded().Topics);
    }

    [Fact]
    public void Find_returns_a_topic_by_name_or_null()
    {
        var catalog = Parse("""{"topics":[{"name":"a.v1","partitions":3,"retention_ms":-1}]}""");

        Assert.Equal(new KafkaTopicDefinition("a.v1", 3, -1), catalog.Find("a.v1"));
        Assert.Equal(new StreamRisk.Core.Bus.TopicSpec("a.v1", 3), catalog.Find("a.v1")!.ToSpec());
        Assert.Null(catalog.Find("b.v1"));
    }

    [Theory]
    [InlineData("""{"topic":[]}""")]
    [InlineData("""{"topics":[{"name":"a","partitions":0,"retention_ms":1}]}""")]
    [InlineData("""{"topics":[{"name":"a","partitions":1,"retention_ms":-2}]}""")]
    [InlineData("""{"topics":[{"name":"","partitions":1,"retention_ms":1}]}""")]
    [InlineData("""{"topics":[{"name":"a","partitions":"1","retention_ms":1}]}""")]
    [InlineData("""{"topics":[{"name":"a","partitions":1,"retention_ms":1},{"name":"a","partitions":2,"retention_ms":1}]}""")]
    [InlineData("""{"topics":[""")]
    public void A_malformed_catalog_is_refused(string json)
    {
        Assert.Throws<InvalidDataException>(() => Parse(json));
    }

    private static KafkaTopicCatalog Parse(string json) => KafkaTopicCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
}
