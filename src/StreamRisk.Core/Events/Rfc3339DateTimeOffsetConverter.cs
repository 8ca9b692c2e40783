using System.Text.Json;
using System.Text.Json.Serialization;

namespace StreamRisk.Core.Events;

/// <summary>
/// Reads every timestamp of the wire format as RFC 3339 (<see cref="Rfc3339"/>) and writes it as System.Text.Json
/// always has, so events written before and after this converter are byte-identical. A refused value throws a
/// <see cref="JsonException"/> whose message is the sentence for people; the caller adds the field from its Path.
/// </summary>
public sealed class Rfc3339DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected an RFC 3339 timestamp string, e.g. {Rfc3339.Example}, found {reader.TokenType}");
        }
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            // An escaped lone surrogate: not text at all.
            throw new JsonException($"not valid Unicode text: {ex.Message}", ex);
        }
        return Rfc3339.TryParse(text, out var value) ? value : throw new JsonException(Rfc3339.Describe(text));
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
