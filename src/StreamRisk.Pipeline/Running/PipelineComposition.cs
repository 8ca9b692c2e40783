using StreamRisk.Core.Alerts;
using StreamRisk.Core.Indexing;
using StreamRisk.Core.Ingest;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Scoring;
using StreamRisk.Core.Sentiment;
using StreamRisk.Core.Text;
using StreamRisk.Core.Topics;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Running;

/// <summary>The models a pipeline runs with; the built-in ones unless configured otherwise.</summary>
public sealed record PipelineModels(
    IIssuerRecognizer Recognizer,
    IFirmSentimentModel FirmSentiment,
    IIndustrySentimentModel IndustrySentiment,
    TopicRetriever Topics,
    TopicIndustryMap TopicIndustries)
{
    /// <summary>The built-in models: gazetteer NER + Jaro–Winkler linking, lexicon scorers, hashed TF-IDF topic retrieval.</summary>
    public static PipelineModels BuiltIn(ReferenceData reference) => new(
        new GazetteerIssuerRecognizer(reference.Issuers),
        new LexiconFirmSentimentModel(),
        new LexiconIndustrySentimentModel(),
        TopicRetriever.CreateBuiltIn(reference.Topics),
        new TopicIndustryMap(reference.TopicIndustryMatrix));
}

/// <summary>Builds the stages in data-flow order over one bus and store.</summary>
public static class PipelineComposition
{
    public static IReadOnlyList<PipelineStage> Build(
        StageContext context, ReferenceData reference, PipelineModels models, long firstIngestSeq, bool storeHasHistory, bool ingestOnly = false)
    {
        var ingest = new IngestStage(context, new IngestOptions(), firstIngestSeq, storeHasHistory);
        if (ingestOnly)
        {
            return [ingest];
        }
        var issuerIndustries = reference.Issuers.ToDictionary(i => i.IssuerId, i => i.IndustryIds, StringComparer.Ordinal);
        return
        [
            ingest,
            new EnrichStage(context, models.Recognizer),
            new FirmSentimentStage(context, models.FirmSentiment),
            new IndustrySentimentStage(context, models.IndustrySentiment, models.Topics, models.TopicIndustries),
            new AggregateStage(context, new DailyAggregator(), new IndustryDailyIndex(issuerIndustries)),
            new ScoreStage(context, new BaselineRiskScorer(), reference.Issuers.Select(i => i.IssuerId).ToHashSet(StringComparer.Ordinal)),
            new AlertStage(context, new AlertDetector()),
        ];
    }
}
