using StreamRisk.Core.Reference;
using StreamRisk.Core.Sentiment;
using StreamRisk.Core.Text;
using StreamRisk.Core.Topics;
using StreamRisk.Nlp.Embeddings;
using StreamRisk.Nlp.Entities;
using StreamRisk.Nlp.Runtime;
using StreamRisk.Nlp.Sentiment;

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
                var absa = OnnxAbsaModel.Load(BundledModelLocation.ResolveFirmModel(options.FirmModel), runtime);
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
