using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using StreamRisk.Core.Events;

namespace StreamRisk.Infrastructure.Storage;

/// <summary>
/// How values that SQL has no portable type for are written to a store's columns: instants as round-trip ISO-8601 in
/// UTC (sortable as text), days as <c>yyyy-MM-dd</c>, lists and maps as compact JSON (maps with keys in ordinal order, so
/// equal maps give equal text), risk classes in their wire (snake_case) names.
/// </summary>
public static class StoreValueFormat
{
    public static string Instant(DateTimeOffset value) => value.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.ParseExact(text, "o", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static string Day(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string RiskClassName(RiskClass value) => value switch
    {
        RiskClass.Performing => "performing",
        RiskClass.Extended => "extended",
        RiskClass.Defaulted => "defaulted",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "unknown risk class"),
    };

    public static RiskClass ParseRiskClass(string text) => text switch
    {
        "performing" => RiskClass.Performing,
        "extended" => RiskClass.Extended,
        "defaulted" => RiskClass.Defaulted,
        _ => throw new FormatException($"unknown risk class '{text}'"),
    };

    public static string StringList(IReadOnlyList<string> values) => WriteJson(values, static (writer, list) =>
    {
        writer.WriteStartArray();
        foreach (var value in list)
        {
            writer.WriteStringValue(value);
        }
        writer.WriteEndArray();
    });

    public static IReadOnlyList<string> ParseStringList(string json)
    {
        using var document = JsonDocument.Parse(json);
        var values = new List<string>(document.RootElement.GetArrayLength());
        foreach (var element in document.RootElement.EnumerateArray())
        {
            values.Add(element.GetString() ?? throw new FormatException("null in a stored string list"));
        }
        return values;
    }

    public static string TopicHits(IReadOnlyList<TopicHit> hits) => WriteJson(hits, static (writer, list) =>
    {
        writer.WriteStartArray();
        foreach (var hit in list)
        {
            writer.WriteStartObject();
            writer.WriteString("topic_id", hit.TopicId);
            writer.WriteNumber("similarity", hit.Similarity);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    });

    public static IReadOnlyList<TopicHit> ParseTopicHits(string json)
    {
        using var document = JsonDocument.Parse(json);
        var hits = new List<TopicHit>(document.RootElement.GetArrayLength());
        foreach (var element in document.RootElement.EnumerateArray())
        {
            hits.Add(new TopicHit(
                element.GetProperty("topic_id").GetString() ?? throw new FormatException("null topic id"),
                element.GetProperty("similarity").GetDouble()));
        }
        return hits;
    }

    /// <summary>The paths of <c>sentiment.industry.v1</c> as the event writes them (shortest round-trip numbers).</summary>
    public static string TopicPaths(IReadOnlyList<TopicPath> paths) => WriteJson(paths, static (writer, list) =>
    {
        writer.WriteStartArray();
        foreach (var path in list)
        {
            writer.WriteStartObject();
            writer.WriteString("topic_id", path.TopicId);
            writer.WriteNumber("similarity", path.Similarity);
            writer.WriteNumber("sentiment", path.Sentiment);
            writer.WriteNumber("affects_weight", path.AffectsWeight);
            writer.WriteNumber("contribution", path.Contribution);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    });

    public static IReadOnlyList<TopicPath> ParseTopicPaths(string json)
    {
        using var document = JsonDocument.Parse(json);
        var paths = new List<TopicPath>(document.RootElement.GetArrayLength());
        foreach (var element in document.RootElement.EnumerateArray())
        {
            paths.Add(new TopicPath(
                element.GetProperty("topic_id").GetString() ?? throw new FormatException("null topic id"),
                element.GetProperty("similarity").GetDouble(), element.GetProperty("sentiment").GetDouble(),
                element.GetProperty("affects_weight").GetDouble(), element.GetProperty("contribution").GetDouble()));
        }
        return paths;
    }

    public static string NumberMap(IReadOnlyDictionary<string, double> values) => WriteJson(values, static (writer, map) =>
    {
        var keys = new string[map.Count];
        var i = 0;
        foreach (var key in map.Keys)
        {
            keys[i++] = key;
        }
        Array.Sort(keys, StringComparer.Ordinal);
        writer.WriteStartObject();
        foreach (var key in keys)
        {
            writer.WriteNumber(key, map[key]);
        }
        writer.WriteEndObject();
    });

    public static IReadOnlyDictionary<string, double> ParseNumberMap(string json)
    {
        using var document = JsonDocument.Parse(json);
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            map[property.Name] = property.Value.GetDouble();
        }
        return map;
    }

    /// <summary>Message headers of an outbox entry, keys sorted so equal maps give equal text.</summary>
    public static string StringMap(IReadOnlyDictionary<string, string> values) => WriteJson(values, static (writer, map) =>
    {
        var keys = map.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        writer.WriteStartObject();
        foreach (var key in keys)
        {
            writer.WriteString(key, map[key]);
        }
        writer.WriteEndObject();
    });

    public static IReadOnlyDictionary<string, string> ParseStringMap(string json)
    {
        using var document = JsonDocument.Parse(json);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            map[property.Name] = property.Value.GetString() ?? "";
        }
        return map;
    }

    // One buffer and writer per thread: the store formats a JSON column for many rows of every batch.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private static string WriteJson<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        write(writer, value);
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
