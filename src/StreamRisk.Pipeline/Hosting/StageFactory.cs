using StreamRisk.Core.Alerts;
using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Graph;
using StreamRisk.Core.Indexing;
using StreamRisk.Core.Ingest;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Scoring;
using StreamRisk.Core.Storage;
using StreamRisk.Pipeline.Running;
using StreamRisk.RiskModels.Default;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Hosting;

/// <summary>
/// Builds one stage for a worker with its in-memory state rebuilt from the store, so that a worker started after a
/// crash neither loses nor double-counts: ingest continues the ingest sequence and consults the store for duplicates,
/// aggregate replays the stored sentiment rows, score reloads spreads and fundamentals, alert replays stored scores.
/// Effects the stopped worker made durable upstream but never passed on are written and published here.
/// </summary>
public sealed class StageFactory(StageContext context, ReferenceData reference, PipelineModels? models)
{
    public async Task<PipelineStage> BuildAsync(string stageName, CancellationToken cancellationToken)
    {
        var store = context.Store;
        switch (stageName)
        {
            case IngestStage.StageName:
                var counts = await store.CountAsync(cancellationToken).ConfigureAwait(false);
                // The watermark is rebuilt from the latest stored documents: the state the stopped instance held, since it
                // only ever advanced it for documents it stored.
                var watermark = await IngestStage.RestoreWatermarkAsync(store, new IngestOptions(), cancellationToken).ConfigureAwait(false);
                return new IngestStage(context, new IngestOptions(), counts.Documents + 1, counts.Documents > 0, watermark);
            case EnrichStage.StageName:
                return new EnrichStage(context, Models.Recognizer);
            case FirmSentimentStage.StageName:
                return new FirmSentimentStage(context, Models.FirmSentiment);
            case IndustrySentimentStage.StageName:
                return new IndustrySentimentStage(context, Models.IndustryText, Models.Topics, Models.Graph);
            case AggregateStage.StageName:
                var restore = await RestoreDailyIndexAsync(cancellationToken).ConfigureAwait(false);
                return new AggregateStage(context, restore.Aggregator, restore.IndustryIndex);
            case ScoreStage.StageName:
                var market = new MarketHistory();
                foreach (var f in await store.GetFundamentalsAsync(cancellationToken).ConfigureAwait(false)) market.Add(f);
                foreach (var s in await store.GetSpreadsAsync(cancellationToken).ConfigureAwait(false)) market.Add(s);
                return new ScoreStage(context, new BaselineRiskScorer(), IssuerIds(), market, models?.SpreadModel,
                    await ServeClassModelAsync(market, cancellationToken).ConfigureAwait(false));
            case AlertStage.StageName:
                return new AlertStage(context, await RestoreAlertDetectorAsync(cancellationToken).ConfigureAwait(false));
            default:
                throw new ConfigurationException($"no stage is called '{stageName}': use one of {string.Join(", ", StageNames.Each)} or all");
        }
    }

    /// <summary>The text models; absent for an ingest-only run, which builds no stage that needs them.</summary>
    private PipelineModels Models => models ?? throw new InvalidOperationException("this stage needs text models, and none were loaded");

    /// <summary>The trained class model with its live inputs rebuilt from the store: statements, and the issuers' disclosures
    /// (a disclosure's issuers are those its firm-sentiment rows name).</summary>
    private async Task<ClassModelServing?> ServeClassModelAsync(MarketHistory market, CancellationToken cancellationToken)
    {
        if (models?.RiskModel is not { } primary) return null;
        var inputs = new LiveDefaultInputs(models.Macro, DisclosureChapters.CreateEmbedder());
        market.CopyTo(_ => { }, inputs.Add);
        var documents = (await context.Store.GetDocumentsAsync(cancellationToken).ConfigureAwait(false))
            .Where(d => d.Source == DisclosureChapters.DisclosureSource).ToDictionary(d => d.DocId, StringComparer.Ordinal);
        if (documents.Count > 0)
        {
            foreach (var group in (await context.Store.GetFirmSentimentsAsync(cancellationToken).ConfigureAwait(false))
                .Where(f => documents.ContainsKey(f.DocId)).GroupBy(f => f.DocId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                inputs.Add(documents[group.Key], group.Select(f => f.IssuerId));
            }
        }
        var industries = reference.Issuers.ToDictionary(i => i.IssuerId, i => i.IndustryIds.Count > 0 ? i.IndustryIds[0] : "", StringComparer.Ordinal);
        return new ClassModelServing(primary, models.RiskModelShadow, inputs, industries);
    }

    private HashSet<string> IssuerIds() => reference.Issuers.Select(i => i.IssuerId).ToHashSet(StringComparer.Ordinal);

    private async Task<DailyIndexRestore> RestoreDailyIndexAsync(CancellationToken cancellationToken)
    {
        var store = context.Store;
        var issuerIndustries = reference.Issuers.ToDictionary(i => i.IssuerId, i => i.IndustryIds, StringComparer.Ordinal);
        var spillover = await SpilloverMapAsync(cancellationToken).ConfigureAwait(false);
        var restore = new DailyIndexRestore(new DailyAggregator(spillover: spillover), new IndustryDailyIndex(issuerIndustries));
        // Exactly the texts the stage's durable state holds: its inbox is written in the same transaction as its daily
        // rows. Texts upstream stored but the stage had not consumed yet will arrive on the bus.
        restore.Replay(
            await store.GetAppliedFirmSentimentsAsync(AggregateStage.StageName, cancellationToken).ConfigureAwait(false),
            await store.GetAppliedIndustrySentimentsAsync(AggregateStage.StageName, cancellationToken).ConfigureAwait(false));
        var stored = new Dictionary<(string, DateOnly), DailySentiment>();
        foreach (var issuer in restore.Latest.Select(d => d.IssuerId).Distinct(StringComparer.Ordinal))
        {
            foreach (var daily in await store.GetDailySentimentAsync(issuer, cancellationToken).ConfigureAwait(false))
            {
                stored[(daily.IssuerId, daily.Day)] = daily;
            }
        }
        var corrections = restore.Corrections(stored);
        // The next value of a day must outrank what the store holds, or the store's highest-revision rule drops it.
        restore.Aggregator.AdoptEmitted(stored.Values.Concat(corrections));
        if (corrections.Count > 0)
        {
            await WriteAndPublishAsync(new StoreBatch { DailySentiments = corrections }, Topics.DailySentiment, AggregateStage.StageName,
                corrections.Select(d => (d.IssuerId, d.EventId, EventJson.Serialize(d))), cancellationToken).ConfigureAwait(false);
        }
        return restore;
    }

    /// <summary>Who spills over to whom, asked of the knowledge graph once per issuer when the stage starts (the relations
    /// are reference data: a change needs a restart, as issuers do); null when spill-over is off or nothing is related.</summary>
    private async Task<SpilloverMap?> SpilloverMapAsync(CancellationToken cancellationToken)
    {
        if (models is not { Spillover.IsOff: false } loaded)
        {
            return null;
        }
        var reaches = new List<(string, IReadOnlyList<SpilloverReach>)>();
        foreach (var issuer in reference.Issuers)
        {
            reaches.Add((issuer.IssuerId, await loaded.Graph.RelatedIssuersAsync(issuer.IssuerId, loaded.Spillover, cancellationToken).ConfigureAwait(false)));
        }
        var map = new SpilloverMap(reaches);
        return map.IssuerCount > 0 ? map : null;
    }

    private async Task<AlertDetector> RestoreAlertDetectorAsync(CancellationToken cancellationToken)
    {
        var store = context.Store;
        var detector = new AlertDetector();
        var scores = new List<IReadOnlyList<RiskScore>>();
        foreach (var issuer in reference.Issuers.Select(i => i.IssuerId).Order(StringComparer.Ordinal))
        {
            scores.Add(await store.GetRiskScoresAsync(issuer, cancellationToken).ConfigureAwait(false));
        }
        var changes = AlertHistoryRestore.Replay(detector, scores, await store.GetAlertsAsync(cancellationToken).ConfigureAwait(false));
        if (changes.Count > 0)
        {
            await WriteAndPublishAsync(new StoreBatch { Alerts = changes }, Topics.RiskAlerts, AlertStage.StageName,
                changes.Select(a => (a.IssuerId, a.EventId, EventJson.Serialize(a))), cancellationToken).ConfigureAwait(false);
        }
        return detector;
    }

    /// <summary>Writes rows the restore found missing, with their events: through the stage's outbox when it has one
    /// (the stage publishes them before it consumes anything), else straight onto the bus after the write.</summary>
    private async Task WriteAndPublishAsync(StoreBatch rows, string topic, string stage, IEnumerable<(string Key, string EventId, byte[] Value)> events,
        CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        if (context.UsesOutboxFor(topic))
        {
            var outbox = events.Select(e => new OutboxMessage(stage, topic, e.Key, e.EventId, e.Value, EventHeaders.For(e.EventId, topic, stage, now, null))).ToArray();
            await context.Store.UpsertAsync(rows with { Outbox = outbox }, cancellationToken).ConfigureAwait(false);
            return;
        }
        await context.Store.UpsertAsync(rows, cancellationToken).ConfigureAwait(false);
        await using var producer = context.Bus.CreateProducer();
        foreach (var (key, eventId, value) in events)
        {
            await producer.ProduceAsync(topic, new BusMessage(key, value, EventHeaders.For(eventId, topic, stage, now, null)), cancellationToken)
                .ConfigureAwait(false);
        }
        await producer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
