namespace StreamRisk.Core.Ingest;

/// <summary>Why an input went to the dead-letter topic: a stable code for counting, and a sentence for people.</summary>
public sealed record Rejection(string Code, string Reason)
{
    public const string MalformedJson = "malformed_json";
    public const string InvalidUtf8 = "invalid_utf8";
    /// <summary>Valid UTF-8 whose JSON escapes spell no text: a lone or reversed surrogate such as <c>\ud800</c>.</summary>
    public const string InvalidUnicode = "invalid_unicode";
    /// <summary>A whole input file in UTF-16 or UTF-32: one dead letter for the file, not one per line.</summary>
    public const string UnsupportedEncoding = "unsupported_encoding";
    public const string SchemaViolation = "schema_violation";
    public const string EmptyBody = "empty_body";
    public const string Oversize = "oversize";
    public const string TimestampInFuture = "timestamp_in_future";
    public const string TimestampTooOld = "timestamp_too_old";
    public const string UnknownIssuer = "unknown_issuer";
    public const string TooLate = "too_late";
    public const string ProcessingError = "processing_error";
}
