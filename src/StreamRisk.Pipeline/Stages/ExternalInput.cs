using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;
using StreamRisk.Infrastructure.Schemas;

namespace StreamRisk.Pipeline.Stages;

/// <summary>Why an input from outside is refused, and, when it was too large to keep, the sample a dead letter keeps.</summary>
internal readonly record struct InputRefusal(string Code, string Reason, string? ErrorType = null, byte[]? Sample = null)
{
    /// <summary>The message as the dead letter should hold it: with the sample in place of bytes too large to keep.</summary>
    public ConsumedMessage Original(ConsumedMessage message) => Sample is null ? message : message with { Value = Sample };
}

/// <summary>
/// The checks every input from outside passes before it is used (news in ingest; fundamentals and spreads in score), in
/// the order that keeps each one safe to run: inputs the file reader refused, size, UTF-8, a JSON scan for what the
/// schema check and the parser must not meet (<see cref="JsonInputScan"/>), the JSON Schema, and then the parse itself.
/// Nothing here throws on bad input: each fault is a refusal with a reason code.
/// </summary>
internal static class ExternalInput
{
    /// <summary>Null when <paramref name="bytes"/> may be parsed as <paramref name="topic"/>'s event.</summary>
    public static InputRefusal? Check(string topic, byte[] bytes, int maxBytes)
    {
        if (RefusedInput.TryDecode(bytes, out var refused, out var sample))
        {
            return new InputRefusal(refused.Code, refused.Reason, Sample: sample);
        }
        if (bytes.Length > maxBytes)
        {
            return new InputRefusal(Rejection.Oversize, string.Create(CultureInfo.InvariantCulture,
                $"message is {bytes.Length:N0} bytes; the record limit is {maxBytes:N0} (the dead letter keeps the first {InputLimits.SampleBytes:N0})"),
                Sample: bytes[..InputLimits.SampleBytes]);
        }
        if (bytes.Length == 0)
        {
            return new InputRefusal(Rejection.MalformedJson, "empty message");
        }
        if (!Utf8.IsValid(bytes))
        {
            return new InputRefusal(Rejection.InvalidUtf8, $"not valid UTF-8 (first bad byte at offset {FirstInvalidUtf8(bytes)})");
        }
        if (JsonInputScan.Check(bytes) is { } scanned)
        {
            return new InputRefusal(scanned.Code, scanned.Reason);
        }
        var check = EventSchemas.Default.Check(topic, bytes);
        return check.IsValid ? null : new InputRefusal(Rejection.SchemaViolation, check.Describe());
    }

    /// <summary>Parses a checked input; a value the schema lets through but the parser cannot read (a timestamp that is
    /// not RFC 3339, a day that does not exist) is a schema violation naming the field.</summary>
    public static T? Parse<T>(string topic, byte[] bytes, out InputRefusal? refusal) where T : class
    {
        try
        {
            refusal = null;
            return EventJson.Deserialize<T>(bytes);
        }
        catch (JsonException ex)
        {
            refusal = new InputRefusal(Rejection.SchemaViolation, Describe(topic, ex), nameof(JsonException));
            return null;
        }
    }

    /// <summary>"published_at '…' is not an RFC 3339 timestamp, …" for our converters' messages, which are written for
    /// people; System.Text.Json's own messages carry the path already ("… Path: $.day | LineNumber …").</summary>
    private static string Describe(string topic, JsonException ex)
    {
        if (ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) && !ex.Message.Contains(" Path: ", StringComparison.Ordinal))
        {
            return $"{path[2..]} {ex.Message}";
        }
        return $"not a valid {topic}: {ex.Message}";
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return at;
            }
            at += consumed;
        }
        return -1;
    }
}
