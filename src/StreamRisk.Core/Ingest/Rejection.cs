namespace StreamRisk.Core.Ingest;

/// <summary>Why an input went to the dead-letter topic: a stable code for counting, and a sentence for people.</summary>
public sealed record Rejection(string Code, string Reason)
{
    public const string MalformedJson = "malformed_json";
    public const string InvalidUtf8 = "invalid_utf8";
    public const string SchemaViolation = "schema_violation";
    public const string EmptyBody = "empty_body";
    public const string Oversize = "oversize";
    public const string TimestampInFuture = "timestamp_in_future";
    public const string TimestampTooOld = "timestamp_too_old";
    public const string UnknownIssuer = "unknown_issuer";
    public const string TooLate = "too_late";
    public const string ProcessingError = "processing_error";
}
