using System.Text.Json;
using System.Text.Json.Serialization;

namespace StreamRisk.Core.Events;

/// <summary>
/// The wire format of every event: UTF-8 JSON, snake_case names, enums as snake_case strings, dates ISO-8601
/// (timestamps are read as RFC 3339, see <see cref="Rfc3339"/>).
/// Source-generated so the hot path does no reflection, and property order is fixed so equal events give equal bytes.
/// Required fields are enforced by the JSON Schemas at the edges (ingest, fundamentals, spreads), where input comes
/// from outside; optional fields such as <c>headline</c> may then simply be absent.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict,
    RespectNullableAnnotations = true,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    Converters = [typeof(Rfc3339DateTimeOffsetConverter)])]
[JsonSerializable(typeof(RawNews))]
[JsonSerializable(typeof(NewsDocument))]
[JsonSerializable(typeof(EnrichedDocument))]
[JsonSerializable(typeof(FirmSentiment))]
[JsonSerializable(typeof(IndustrySentiment))]
[JsonSerializable(typeof(DailySentiment))]
[JsonSerializable(typeof(SpilloverContribution))]
[JsonSerializable(typeof(TopicPath))]
[JsonSerializable(typeof(Fundamentals))]
[JsonSerializable(typeof(SpreadObservation))]
[JsonSerializable(typeof(RiskScore))]
[JsonSerializable(typeof(RiskAlert))]
[JsonSerializable(typeof(DeadLetter))]
public sealed partial class EventJsonContext : JsonSerializerContext;

/// <summary>Serialises and parses events in the wire format.</summary>
public static class EventJson
{
    private static readonly JsonSerializerOptions Options = new(EventJsonContext.Default.Options)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = EventJsonContext.Default,
    };

    public static JsonSerializerOptions SerializerOptions => Options;

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static string SerializeToString<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Parses <paramref name="utf8"/>; throws <see cref="JsonException"/> on malformed or mistyped input.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<T>(utf8, Options) ?? throw new JsonException($"expected a {typeof(T).Name} object, found null");

    /// <summary>Events from JSON lines (one per line, blank lines skipped), read lazily; a line that does not parse
    /// becomes the exception <paramref name="fail"/> makes of its 1-based number and the parse error.</summary>
    public static IEnumerable<T> DeserializeLines<T>(IEnumerable<string> lines, Func<int, JsonException, Exception> fail)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(fail);
        var number = 0;
        foreach (var text in lines)
        {
            number++;
            if (text.Length == 0) continue;
            T value;
            try
            {
                value = Deserialize<T>(System.Text.Encoding.UTF8.GetBytes(text));
            }
            catch (JsonException ex)
            {
                throw fail(number, ex);
            }
            yield return value;
        }
    }
}
