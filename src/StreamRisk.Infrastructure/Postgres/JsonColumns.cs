using System.Buffers;
using System.Text;
using System.Text.Json;
using StreamRisk.Core.Events;

namespace StreamRisk.Infrastructure.Postgres;

/// <summary>
/// Text for the jsonb columns that hold an event's lists and maps. Numbers are written in their shortest round-trip
/// form, so they read back bit for bit; non-finite numbers, which JSON cannot hold, become strings.
/// </summary>
public static class JsonColumns
{
    public static string StringList(IReadOnlyList<string> values)
    {
        return Write(values, static (writer, list) =>
        {
            writer.WriteStartArray();
            foreach (var value in list)
            {
                writer.WriteStringValue(value);
            }
            writer.WriteEndArray();
        });
    }

    public static string TopicHits(IReadOnlyList<TopicHit> hits)
    {
        return Write(hits, static (writer, list) =>
        {
            writer.WriteStartArray();
            foreach (var hit in list)
            {
                writer.WriteStartObject();
                writer.WriteString("topic_id", hit.TopicId);
                writer.WritePropertyName("similarity");
                WriteNumber(writer, hit.Similarity);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        });
    }

    public static string Indicators(IReadOnlyDictionary<string, double> indicators)
    {
        return Write(indicators, static (writer, map) =>
        {
            writer.WriteStartObject();
            foreach (var (name, value) in map)
            {
                writer.WritePropertyName(name);
                WriteNumber(writer, value);
            }
            writer.WriteEndObject();
        });
    }

    public static IReadOnlyList<string> ReadStringList(string json)
    {
        using var document = JsonDocument.Parse(json);
        var values = new List<string>(document.RootElement.GetArrayLength());
        foreach (var element in document.RootElement.EnumerateArray())
        {
            values.Add(element.GetString() ?? throw new JsonException("null in a list of strings"));
        }
        return values;
    }

    private static void WriteNumber(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static string Write<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, value);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
