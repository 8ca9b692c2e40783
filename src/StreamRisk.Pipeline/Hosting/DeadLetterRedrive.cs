using System.Text.Json;
using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;

namespace StreamRisk.Pipeline.Hosting;

/// <summary>
/// Sends chosen dead letters back to their source topic with their original bytes, once the cause is fixed (a new
/// issuer in the list, a corrected schema, a stage bug). The stage then sees them as new input; idempotent upserts
/// make a message that does get through twice harmless.
/// </summary>
public static class DeadLetterRedrive
{
    public const string RedrivenFrom = "sr_redriven_from";

    /// <summary>The letters whose id is in <paramref name="ids"/> or whose reason code is <paramref name="reasonCode"/>.</summary>
    public static IReadOnlyList<DeadLetter> Select(IReadOnlyList<DeadLetter> letters, IReadOnlyCollection<string> ids, string? reasonCode)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        return letters.Where(l => wanted.Contains(l.DeadLetterId) || reasonCode is not null && string.Equals(l.ReasonCode, reasonCode, StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>The message to publish again: original bytes, keyed as the source topic is keyed (issuer id, else doc id).</summary>
    public static BusMessage MessageFor(DeadLetter letter)
    {
        var bytes = Convert.FromBase64String(letter.OriginalBase64);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { [RedrivenFrom] = letter.DeadLetterId };
        return new BusMessage(KeyOf(bytes) ?? letter.DeadLetterId, bytes, headers);
    }

    public static async Task<int> RedriveAsync(IEventBus bus, IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
    {
        await using var producer = bus.CreateProducer();
        foreach (var letter in letters)
        {
            await producer.ProduceAsync(letter.SourceTopic, MessageFor(letter), cancellationToken).ConfigureAwait(false);
        }
        await producer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return letters.Count;
    }

    private static string? KeyOf(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var name in (ReadOnlySpan<string>)["issuer_id", "doc_id"])
            {
                if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }
            return null;
        }
        catch (JsonException)
        {
            // Malformed input was dead-lettered for exactly that; it goes back under its dead-letter id.
            return null;
        }
    }
}
