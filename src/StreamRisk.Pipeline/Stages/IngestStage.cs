using System.Text.Json;
using System.Text.Unicode;
using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;
using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Schemas;

namespace StreamRisk.Pipeline.Stages;

/// <summary>
/// news.raw.v1 → docs.v1: byte checks (size, UTF-8), JSON and schema validation, normalisation, de-duplication.
/// Every refused input goes to dlq.v1 with its reason and original bytes; duplicates are counted, not dead-lettered.
/// Each accepted document is stamped with the ingest watermark (<see cref="NewsDocument.Watermark"/>,
/// <see cref="IngestWatermark"/>: the day a quorum of the latest accepted documents reached, in arrival order); the daily
/// index judges lateness against it.
/// </summary>
public sealed class IngestStage : PipelineStage
{
    public const string StageName = "ingest";
    private readonly NewsAdmission _admission;
    private readonly IngestOptions _options;
    private readonly DuplicateFilter _duplicates = new();
    private readonly bool _consultStore;
    private readonly StageContext _context;
    private long _nextSeq;
    private IngestWatermark _watermark;

    /// <param name="firstSeq">Ingest sequence number of the first document this instance accepts.</param>
    /// <param name="consultStore">Also ask the store about ids and hashes (after a restart over a non-empty store).</param>
    /// <param name="watermark">The ingest watermark to continue from after a restart (<see cref="IngestWatermark.Restore"/>
    /// over the stored documents); null for an empty store.</param>
    public IngestStage(StageContext context, IngestOptions options, long firstSeq, bool consultStore, IngestWatermark? watermark = null)
        : base(StageName, [Topics.NewsRaw], context)
    {
        _context = context;
        _options = options;
        _admission = new NewsAdmission(options, context.Time);
        _nextSeq = firstSeq;
        _consultStore = consultStore;
        _watermark = watermark ?? IngestWatermark.Start(options);
    }

    /// <summary>The watermark an ingest that stored the documents in <paramref name="store"/> holds: what a restarted
    /// ingest continues from (<see cref="IngestWatermark.Restore"/>).</summary>
    public static async Task<IngestWatermark> RestoreWatermarkAsync(IRiskStore store, IngestOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var latest = await store.GetLatestDocumentTimesAsync(options.WatermarkWindow, cancellationToken).ConfigureAwait(false);
        return IngestWatermark.Restore(options, latest);
    }

    /// <summary>The ingest seq of the last document this instance accepted (its first seq − 1 before any).</summary>
    public long LastIngestSeq => _nextSeq - 1;

    /// <summary>
    /// Publishes documents stored by an earlier run whose later stages may not have finished (after the docs checkpoint),
    /// as this stage first published them: the stateless stages after it compute the same events again, and the
    /// aggregate's inbox recognises the texts it already counted.
    /// </summary>
    public static async Task RepublishAsync(IEventProducer producer, NewsDocument document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var headers = EventHeaders.For(document.DocId, Topics.Docs, StageName, now, null);
        await producer.ProduceAsync(Topics.Docs, new BusMessage(document.DocId, EventJson.Serialize(document), headers), cancellationToken)
            .ConfigureAwait(false);
    }

    protected override async ValueTask ProcessAsync(IReadOnlyList<ConsumedMessage> batch, StageOutput output, CancellationToken cancellationToken)
    {
        // Byte checks, schema validation and parsing are pure and independent per message: do them on all cores,
        // then admit in input order, which is what assigns ingest_seq and decides which of two duplicates wins.
        var parsed = new ParseResult[batch.Count];
        BatchParallel.For(batch.Count, i => parsed[i] = Parse(batch[i]));
        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i];
            Counters.Input();
            KeepRawInput(output, message);
            if (parsed[i].Rejection is { } refused)
            {
                DeadLetter(output, message, refused.Code, refused.Reason, refused.ErrorType);
                continue;
            }
            var raw = parsed[i].News!;
            var admission = _admission.Admit(raw, _nextSeq, _watermark);
            if (admission.Rejection is { } rejection)
            {
                DeadLetter(output, message, rejection.Code, rejection.Reason);
                continue;
            }
            var document = admission.Document!;
            if (!_duplicates.TryAdd(document.DocId, document.ContentHash)
                || (_consultStore && await _context.Store.IsKnownDocumentAsync(document.DocId, document.ContentHash, cancellationToken).ConfigureAwait(false)))
            {
                Counters.Duplicate();
                continue;
            }
            _nextSeq++;
            _watermark = _watermark.After(DateOnly.FromDateTime(document.PublishedAt.UtcDateTime));
            Counters.Document();
            output.Store.Documents.Add(document);
            output.Emit(Topics.Docs, document.DocId, document.DocId, document, message);
        }
    }

    private readonly record struct Refusal(string Code, string Reason, string? ErrorType = null);

    private readonly record struct ParseResult(RawNews? News, Refusal? Rejection);

    private ParseResult Parse(ConsumedMessage message)
    {
        var bytes = message.Value;
        // A body at the limit, fully escaped, stays well under this; anything larger is refused before parsing.
        if (bytes.Length > (long)_options.MaxBodyBytes * 2 + 65536)
        {
            return Refuse(Rejection.Oversize, $"message is {bytes.Length:N0} bytes; the body limit is {_options.MaxBodyBytes:N0}");
        }
        if (bytes.Length == 0)
        {
            return Refuse(Rejection.MalformedJson, "empty message");
        }
        if (!Utf8.IsValid(bytes))
        {
            return Refuse(Rejection.InvalidUtf8, $"not valid UTF-8 (first bad byte at offset {FirstInvalidUtf8(bytes)})");
        }
        var check = EventSchemas.Default.Check(Topics.NewsRaw, bytes);
        if (!check.IsValid)
        {
            var malformed = check.Errors.Count == 1 && check.Errors[0].StartsWith("malformed JSON", StringComparison.Ordinal);
            return Refuse(malformed ? Rejection.MalformedJson : Rejection.SchemaViolation, check.Describe());
        }
        try
        {
            return new ParseResult(EventJson.Deserialize<RawNews>(bytes), null);
        }
        catch (JsonException ex)
        {
            return Refuse(Rejection.SchemaViolation, $"not a valid {Topics.NewsRaw}: {ex.Message}", nameof(JsonException));
        }
    }

    private static ParseResult Refuse(string code, string reason, string? errorType = null) => new(null, new Refusal(code, reason, errorType));

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
