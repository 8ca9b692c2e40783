using System.Text;
using FsCheck;
using FsCheck.Xunit;
using StreamRisk.Infrastructure.Kafka;

namespace StreamRisk.Infrastructure.Tests.Kafka;

public sealed class KafkaHeaders_Mapping
{
    [Property]
    public bool Headers_survive_the_trip_through_Kafka_headers(Dictionary<NonNull<string>, NonNull<string>> headers)
    {
        var original = headers.ToDictionary(h => h.Key.Get, h => h.Value.Get);

        var back = KafkaHeaders.FromKafka(KafkaHeaders.ToKafka(original));

        return back.Count == original.Count && original.All(h => back.TryGetValue(h.Key, out var v) && v == h.Value);
    }

    [Fact]
    public void No_headers_map_to_none_both_ways()
    {
        Assert.Null(KafkaHeaders.ToKafka(null));
        Assert.Null(KafkaHeaders.ToKafka(new Dictionary<string, string>()));
        Assert.Empty(KafkaHeaders.FromKafka(null));
        Assert.Empty(KafkaHeaders.FromKafka([]));
    }

    [Fact]
    public void A_repeated_header_keeps_its_last_value_and_a_null_value_reads_as_empty()
    {
        var kafka = new Confluent.Kafka.Headers
        {
            { "ce_id", Encoding.UTF8.GetBytes("first") },
            { "ce_id", Encoding.UTF8.GetBytes("second") },
            { "ce_source", null },
        };

        var headers = KafkaHeaders.FromKafka(kafka);

        Assert.Equal("second", headers["ce_id"]);
        Assert.Equal(string.Empty, headers["ce_source"]);
    }
}
