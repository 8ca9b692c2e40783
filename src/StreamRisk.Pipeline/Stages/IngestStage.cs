using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;
using StreamRisk.Core.Storage;

namespace StreamRisk.Pipeline.Stages;

/// <summary>
/// news.raw.v1 → docs.v1: byte checks (size, UTF-8), JSON and schema validation (<see cref="ExternalInput"/>), the id
/// rule, limits on the decoded text, normalisation, de-duplication.
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
                DeadLetter(output, refused.Original(message), refused.Code, refused.Reason, refused.ErrorType);
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

    private readonly record struct ParseResult(RawNews? News, InputRefusal? Rejection);

    private ParseResult Parse(ConsumedMessage message)
    {
        if (ExternalInput.Check(Topics.NewsRaw, message.Value, _options.MaxMessageBytes) is { } refused)
        {
            return new ParseResult(null, refused);
        }
        var news = ExternalInput.Parse<RawNews>(Topics.NewsRaw, message.Value, out var failed);
        return new ParseResult(news, failed);
    }
}
