using System.Text.Json;
using System.Text.Json.Serialization;
using StreamRisk.Core.Simulation;

namespace StreamRisk.Infrastructure.Simulation;

/// <summary>Wire format of truth/polarity.jsonl: same conventions as <see cref="StreamRisk.Core.Events.EventJson"/> (snake_case, enums as snake_case strings).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(TextPolarity))]
internal sealed partial class SimulationTruthJsonContext : JsonSerializerContext;

/// <summary>Serialises and parses ground-truth polarity rows.</summary>
public static class SimulationTruthJson
{
    private static readonly JsonSerializerOptions Options = new(SimulationTruthJsonContext.Default.Options)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = SimulationTruthJsonContext.Default,
    };

    public static byte[] Serialize(TextPolarity value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static TextPolarity Deserialize(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<TextPolarity>(utf8, Options) ?? throw new JsonException("expected a polarity object, found null");
}
