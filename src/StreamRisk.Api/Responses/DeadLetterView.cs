using StreamRisk.Core.Events;

namespace StreamRisk.Api.Responses;

/// <summary>An input the pipeline refused, with why and its original bytes (base64).</summary>
public sealed record DeadLetterView(string DeadLetterId, string SourceTopic, int Partition, long Offset, string Stage, string ReasonCode,
    string Reason, string? ErrorType, string OriginalBase64)
{
    public static DeadLetterView From(DeadLetter l) =>
        new(l.DeadLetterId, l.SourceTopic, l.Partition, l.Offset, l.Stage, l.ReasonCode, l.Reason, l.ErrorType, l.OriginalBase64);
}
