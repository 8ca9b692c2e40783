using System.Globalization;
using StreamRisk.Core.Bus;

namespace StreamRisk.Pipeline.Stages;

/// <summary>
/// Headers of a <c>dlq.v1</c> message: where the original came from and why it was refused, so that tools reading the
/// topic (and <c>streamrisk dlq redrive</c>) need not parse the body.
/// </summary>
public static class DeadLetterHeaders
{
    public const string SourceTopic = "sr_dlq_source_topic";
    public const string SourcePartition = "sr_dlq_source_partition";
    public const string SourceOffset = "sr_dlq_source_offset";
    public const string Stage = "sr_dlq_stage";
    public const string ExceptionType = "sr_dlq_exception_type";
    public const string Reason = "sr_dlq_reason";

    /// <param name="errorType">The exception type, or the reason code where no exception was involved.</param>
    public static Dictionary<string, string> For(ConsumedMessage source, string stage, string errorType, string reason) =>
        new(6, StringComparer.Ordinal)
        {
            [SourceTopic] = source.Topic,
            [SourcePartition] = source.Partition.ToString(CultureInfo.InvariantCulture),
            [SourceOffset] = source.Offset.ToString(CultureInfo.InvariantCulture),
            [Stage] = stage,
            [ExceptionType] = errorType,
            [Reason] = reason,
        };
}
