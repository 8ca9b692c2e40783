using System.Security.Cryptography;
using System.Text;
using StreamRisk.Core.Events;
using StreamRisk.Core.Text;

namespace StreamRisk.Core.Ingest;

/// <summary>The outcome of admitting one raw news text: a document, or the reason it was refused.</summary>
public readonly record struct Admission(NewsDocument? Document, Rejection? Rejection)
{
    public static Admission Accept(NewsDocument document) => new(document, null);
    public static Admission Refuse(string code, string reason) => new(null, new Rejection(code, reason));
}

/// <summary>
/// Turns a parsed <see cref="RawNews"/> into a <see cref="NewsDocument"/>: the id rule (<see cref="IdentifierRule"/>;
/// ids are checked, never trimmed), range checks on the publication time, the body and headline size limits on the
/// decoded text, Unicode NFC and whitespace normalisation, and the content hash used for de-duplication.
/// Byte-level checks (UTF-8, JSON, schema) happen before this, where the bytes are.
/// </summary>
/// <remarks>
/// The admitted document is stamped with the ingest watermark (<see cref="NewsDocument.Watermark"/>) it would hold once
/// accepted (<see cref="IngestWatermark.StampFor"/>: a quorum of the latest accepted documents' UTC published days).
/// Admission is stateless; the caller keeps the watermark and advances it (<see cref="IngestWatermark.After"/>) only for
/// documents it accepts, as it does with the ingest sequence number.
/// </remarks>
public sealed class NewsAdmission(IngestOptions options, TimeProvider time)
{
    /// <param name="ingestSeq">The document's position in ingest order.</param>
    /// <param name="watermark">The ingest watermark before this document; null for a stream with no accepted document.</param>
    public Admission Admit(RawNews raw, long ingestSeq, IngestWatermark? watermark = null)
    {
        if (LoneSurrogateIn(raw) is { } field)
        {
            return Admission.Refuse(Rejection.InvalidUnicode, $"{field} is not valid Unicode (it holds a lone surrogate)");
        }
        if ((IdentifierRule.Problem("doc_id", raw.DocId) ?? IdentifierRule.Problem("source", raw.Source)) is { } idProblem)
        {
            return Admission.Refuse(Rejection.SchemaViolation, idProblem);
        }
        if (raw.PublishedAt < options.EarliestPublishedAt)
        {
            return Admission.Refuse(Rejection.TimestampTooOld,
                $"published_at {raw.PublishedAt:O} is before {options.EarliestPublishedAt:yyyy-MM-dd}; check the feed's date field");
        }
        var latest = time.GetUtcNow() + options.FutureTolerance;
        if (raw.PublishedAt > latest)
        {
            return Admission.Refuse(Rejection.TimestampInFuture,
                $"published_at {raw.PublishedAt:O} is more than {options.FutureTolerance.TotalHours:0} h in the future");
        }
        var bodyBytes = Encoding.UTF8.GetByteCount(raw.Body);
        if (bodyBytes > options.MaxBodyBytes)
        {
            return Admission.Refuse(Rejection.Oversize, $"body is {bodyBytes:N0} bytes (UTF-8, after decoding); the limit is {options.MaxBodyBytes:N0}");
        }
        var headlineBytes = raw.Headline is null ? 0 : Encoding.UTF8.GetByteCount(raw.Headline);
        if (headlineBytes > options.MaxHeadlineBytes)
        {
            return Admission.Refuse(Rejection.Oversize,
                $"headline is {headlineBytes:N0} bytes (UTF-8, after decoding); the limit is {options.MaxHeadlineBytes:N0}");
        }
        var body = TextNormalizer.Normalize(raw.Body);
        if (body.Length == 0)
        {
            return Admission.Refuse(Rejection.EmptyBody, "body is empty after normalisation (only whitespace, controls or invisible characters)");
        }
        var headline = raw.Headline is null ? null : TextNormalizer.Normalize(raw.Headline);
        if (headline is { Length: 0 })
        {
            headline = null;
        }
        var document = new NewsDocument(
            raw.DocId, raw.Source, raw.PublishedAt.ToUniversalTime(), headline, body,
            string.IsNullOrWhiteSpace(raw.Language) ? null : raw.Language.Trim(), ContentHash(headline, body), ingestSeq,
            (watermark ?? IngestWatermark.Start(options)).StampFor(DateOnly.FromDateTime(raw.PublishedAt.UtcDateTime)));
        return Admission.Accept(document);
    }

    private static string? LoneSurrogateIn(RawNews raw) =>
        TextNormalizer.HasLoneSurrogate(raw.DocId) ? "doc_id"
        : TextNormalizer.HasLoneSurrogate(raw.Source) ? "source"
        : raw.Headline is { } h && TextNormalizer.HasLoneSurrogate(h) ? "headline"
        : TextNormalizer.HasLoneSurrogate(raw.Body) ? "body"
        : raw.Language is { } l && TextNormalizer.HasLoneSurrogate(l) ? "language"
        : raw.Url is { } u && TextNormalizer.HasLoneSurrogate(u) ? "url"
        : null;

    /// <summary>SHA-256 over the normalised headline and body, lower-case hex: the same text from two feeds hashes alike.</summary>
    public static string ContentHash(string? headline, string body)
    {
        var text = (headline ?? string.Empty) + "\n\n" + body;
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash);
    }
}
