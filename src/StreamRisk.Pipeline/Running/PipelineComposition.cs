using StreamRisk.Core.Alerts;
using StreamRisk.Core.Indexing;
using StreamRisk.Core.Ingest;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Scoring;
using StreamRisk.Core.Sentiment;
using StreamRisk.Core.Text;
using StreamRisk.Core.Topics;
using StreamRisk.Nlp.Embeddings;
using StreamRisk.Nlp.Entities;
using StreamRisk.Nlp.Runtime;
using StreamRisk.Nlp.Sentiment;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Running;

/// <summary>The models a pipeline runs with; the built-in ones unless configured otherwise.</summary>
public sealed record PipelineModels(
    IIssuerRecognizer Recognizer,
    IFirmSentimentModel FirmSentiment,
    IIndustrySentimentModel IndustrySentiment,
    TopicRetriever Topics,
    TopicIndustryMap TopicIndustries) : IDisposable
{
    /// <summary>The built-in models: gazetteer NER + Jaro–Winkler linking, lexicon scorers, hashed TF-IDF topic retrieval.</summary>
    public static PipelineModels BuiltIn(ReferenceData reference) => Create(reference, ModelOptions.BuiltIn);

    /// <summary>The built-in models, with each part that <paramref name="options"/> names replaced by its ONNX model.</summary>
    public static PipelineModels Create(ReferenceData reference, ModelOptions options)
    {
        var runtime = new OnnxRuntimeOptions
        {
            ExecutionProvider = options.ExecutionProvider,
            AllowCpuFallback = options.AllowCpuFallback,
            IntraOpThreads = options.Threads,
        };
        var disposables = new List<IDisposable>();
        try
        {
            IIssuerRecognizer gazetteer = new GazetteerIssuerRecognizer(reference.Issuers);
            var recognizer = gazetteer;
            if (options.NerModel is not null && options.NerMode != NerMode.GazetteerOnly)
            {
                var ner = OnnxNerRecognizer.Load(options.NerModel, new IssuerNameLinker(reference.Issuers), runtime);
                disposables.Add(ner);
                recognizer = new CombinedIssuerRecognizer(ner, gazetteer,
                    options.NerMode == NerMode.ModelOnly ? RecognizerCombination.ModelOnly : RecognizerCombination.Union);
            }
            IFirmSentimentModel firm = new LexiconFirmSentimentModel();
            if (options.FirmModel is not null)
            {
                var absa = OnnxAbsaModel.Load(options.FirmModel, runtime);
                disposables.Add(absa);
                firm = absa;
            }
            var topics = TopicRetriever.CreateBuiltIn(reference.Topics);
            if (options.EmbeddingModel is not null)
            {
                var embedder = OnnxTextEmbedder.Load(options.EmbeddingModel, runtime);
                disposables.Add(embedder);
                // Dense sentence embeddings live on the scale the MulFSA paper's 0.6 cut-off was chosen for.
                topics = new TopicRetriever(reference.Topics, embedder, new ExactCosineIndex(),
                    TopicRetrievalOptions.Default with { MinSimilarity = TopicRetrievalOptions.DenseEmbeddingMinSimilarity });
            }
            return new PipelineModels(recognizer, firm, new LexiconIndustrySentimentModel(), topics,
                new TopicIndustryMap(reference.TopicIndustryMatrix)) { Owned = disposables };
        }
        catch
        {
            foreach (var d in disposables) d.Dispose();
            throw;
        }
    }

    private IReadOnlyList<IDisposable> Owned { get; init; } = [];

    public void Dispose()
    {
        foreach (var d in Owned) d.Dispose();
    }
}

/// <summary>Builds the stages in data-flow order over one bus and store.</summary>
public static class PipelineComposition
{
    /// <summary>Just the ingest stage (the <c>ingest</c> command): it needs no models and no reference data.</summary>
    /// <param name="ingestWatermark">The ingest watermark to continue from (restored from the stored documents), or null.</param>
    public static IReadOnlyList<PipelineStage> BuildIngestOnly(StageContext context, long firstIngestSeq, bool storeHasHistory,
        IngestWatermark? ingestWatermark = null) =>
        [new IngestStage(context, new IngestOptions(), firstIngestSeq, storeHasHistory, ingestWatermark)];

    public static IReadOnlyList<PipelineStage> Build(
        StageContext context, ReferenceData reference, PipelineModels models, long firstIngestSeq, bool storeHasHistory,
        IngestWatermark? ingestWatermark = null)
    {
        var ingest = new IngestStage(context, new IngestOptions(), firstIngestSeq, storeHasHistory, ingestWatermark);
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
