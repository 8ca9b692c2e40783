namespace StreamRisk.Core.Indexing;

/// <summary>An input a stage did not apply, returned to the caller (which dead-letters it).</summary>
/// <param name="ReasonCode"><c>too_late</c> (its day is older than its ingest watermark − the allowed lateness),
/// <c>day_pruned</c> (on time by its stamp, but its day's state is already pruned) or <c>invalid</c> (missing ids,
/// non-finite or out-of-range values).</param>
public sealed record RejectedInput<T>(T Input, string ReasonCode, string Reason);

/// <summary>Reason codes of <see cref="RejectedInput{T}"/>.</summary>
public static class RejectionReasons
{
    public const string TooLate = "too_late";
    public const string Invalid = "invalid";

    /// <summary>On time by its ingest watermark, but the day's state was already pruned: either a duplicate of a text
    /// counted before the state was rebuilt, or a text reordered further behind than the prune margin.</summary>
    public const string DayPruned = "day_pruned";
}
