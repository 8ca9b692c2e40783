using System.Text.Json.Serialization;

namespace StreamRisk.Core.Events;

/// <summary><c>news.raw.v1</c>: a news text or announcement as a source delivers it. Keyed by doc id.</summary>
public sealed record RawNews(
    string DocId,
    string Source,
    DateTimeOffset PublishedAt,
    string? Headline,
    string Body,
    string? Language = null,
    string? Url = null);

/// <summary><c>docs.v1</c>: a validated, normalised, de-duplicated document. Keyed by doc id.</summary>
/// <param name="IngestSeq">Position in the ingest order; later stages use it to break ties deterministically.</param>
/// <param name="ContentHash">SHA-256 (hex) of the normalised headline + body; the near-duplicate key.</param>
/// <param name="Watermark">The ingest watermark once this document was accepted (<see cref="Ingest.IngestWatermark"/>): the
/// day a quorum of the latest accepted documents had reached, or the document's own day before there was a quorum; it
/// may lie before the document's own day. Assigned once, in arrival order, so the daily index can judge lateness the
/// same way however later stages batch and interleave partitions. Null from older producers.</param>
public sealed record NewsDocument(
    string DocId,
    string Source,
    DateTimeOffset PublishedAt,
    string? Headline,
    string Body,
    string? Language,
    string ContentHash,
    long IngestSeq,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? Watermark = null);

/// <summary>One place in a document's text (headline + "\n\n" + body) where an issuer is named.</summary>
/// <param name="Start">Start character offset (UTF-16) in the searchable text.</param>
/// <param name="End">Exclusive end offset.</param>
/// <param name="Method"><c>exact</c> (gazetteer) or <c>fuzzy</c> (Jaro–Winkler linking).</param>
public sealed record IssuerMention(string IssuerId, string Surface, int Start, int End, string Method, double Similarity);

/// <summary><c>mentions.v1</c>: a document after NER and entity linking. Keyed by doc id.
/// Documents with no mentions take the industry path.</summary>
public sealed record EnrichedDocument(NewsDocument Document, IReadOnlyList<IssuerMention> Mentions)
{
    /// <summary>The text the mention offsets refer to (derived, not sent).</summary>
    [JsonIgnore]
    public string SearchableText => TextOf(Document);

    /// <summary>Headline, a blank line, then the body: the one text NER and sentiment read, so offsets agree.</summary>
    public static string TextOf(NewsDocument document) =>
        document.Headline is { Length: > 0 } h ? h + "\n\n" + document.Body : document.Body;
}
