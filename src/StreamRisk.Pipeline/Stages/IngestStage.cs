using System.Text.Json;
using System.Text.Unicode;
using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;
using StreamRisk.Infrastructure.Schemas;

namespace StreamRisk.Pipeline.Stages;

/// <summary>
/// news.raw.v1 → docs.v1: byte checks (size, UTF-8), JSON and schema validation, normalisation, de-duplication.
/// Every refused input goes to dlq.v1 with its reason and original bytes; duplicates are counted, not dead-lettered.
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

    /// <param name="firstSeq">Ingest sequence number of the first document this instance accepts.</param>
    /// <param name="consultStore">Also ask the store about ids and hashes (after a restart over a non-empty store).</param>
    public IngestStage(StageContext context, IngestOptions options, long firstSeq, bool consultStore)
        : base(StageName, [Topics.NewsRaw], context)
    {
        _context = context;
        _options = options;
        _admission = new NewsAdmission(options, context.Time);
        _nextSeq = firstSeq;
        _consultStore = consultStore;
    }

    protected override async ValueTask ProcessAsync(IReadOnlyList<ConsumedMessage> batch, StageOutput output, CancellationToken cancellationToken)
    {
        foreach (var message in batch)
        {
            Counters.Input();
            KeepRawInput(output, message);
            var raw = Parse(message, output);
            if (raw is null)
            {
                continue;
            }
            var admission = _admission.Admit(raw, _nextSeq);
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
            Counters.Document();
            output.Store.Documents.Add(document);
            output.Emit(Topics.Docs, document.DocId, document.DocId, document, message);
        }
    }

    private RawNews? Parse(ConsumedMessage message, StageOutput output)
    {
        var bytes = message.Value;
        // A body at the limit, fully escaped, stays well under this; anything larger is refused before parsing.
        if (bytes.Length > (long)_options.MaxBodyBytes * 2 + 65536)
        {
            DeadLetter(output, message, Rejection.Oversize, $"message is {bytes.Length:N0} bytes; the body limit is {_options.MaxBodyBytes:N0}");
            return null;
        }
        if (bytes.Length == 0)
        {
            DeadLetter(output, message, Rejection.MalformedJson, "empty message");
            return null;
        }
        if (!Utf8.IsValid(bytes))
        {
            DeadLetter(output, message, Rejection.InvalidUtf8, $"not valid UTF-8 (first bad byte at offset {FirstInvalidUtf8(bytes)})");
            return null;
        }
        var check = EventSchemas.Default.Check(Topics.NewsRaw, bytes);
        if (!check.IsValid)
        {
            var malformed = check.Errors.Count == 1 && check.Errors[0].StartsWith("malformed JSON", StringComparison.Ordinal);
            DeadLetter(output, message, malformed ? Rejection.MalformedJson : Rejection.SchemaViolation, check.Describe());
            return null;
        }
        try
        {
            return EventJson.Deserialize<RawNews>(bytes);
        }
        catch (JsonException ex)
        {
            DeadLetter(output, message, Rejection.SchemaViolation, $"not a valid {Topics.NewsRaw}: {ex.Message}", nameof(JsonException));
            return null;
        }
    }

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
