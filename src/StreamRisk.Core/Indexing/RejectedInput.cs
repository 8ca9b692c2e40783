namespace StreamRisk.Core.Indexing;

/// <summary>An input a stage did not apply, returned to the caller (which dead-letters it).</summary>
/// <param name="ReasonCode"><c>too_late</c> (its day is closed) or <c>invalid</c> (missing ids, non-finite or out-of-range values).</param>
public sealed record RejectedInput<T>(T Input, string ReasonCode, string Reason);

/// <summary>Reason codes of <see cref="RejectedInput{T}"/>.</summary>
public static class RejectionReasons
{
    public const string TooLate = "too_late";
    public const string Invalid = "invalid";
}
