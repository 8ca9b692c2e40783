using System.Text;
using Confluent.Kafka;

namespace StreamRisk.Infrastructure.Kafka;

/// <summary>Maps bus headers (CloudEvents attributes among them) to Kafka headers and back, as UTF-8.</summary>
public static class KafkaHeaders
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public static Headers? ToKafka(IReadOnlyDictionary<string, string>? headers)
    {
        if (headers is null || headers.Count == 0)
        {
            return null;
        }
        var kafka = new Headers();
        foreach (var (name, value) in headers)
        {
            kafka.Add(name, Encoding.UTF8.GetBytes(value));
        }
        return kafka;
    }

    /// <summary>A header repeated in Kafka keeps its last value; a null value reads as empty.</summary>
    public static IReadOnlyDictionary<string, string> FromKafka(Headers? headers)
    {
        if (headers is null || headers.Count == 0)
        {
            return None;
        }
        var map = new Dictionary<string, string>(headers.Count, StringComparer.Ordinal);
        foreach (var header in headers)
        {
            var bytes = header.GetValueBytes();
            map[header.Key] = bytes is null ? string.Empty : Encoding.UTF8.GetString(bytes);
        }
        return map;
    }
}
