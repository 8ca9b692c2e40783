using StreamRisk.Core.Graph;
using StreamRisk.Core.IndustryText;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Sentiment;
using StreamRisk.Core.Text;
using StreamRisk.Core.Topics;
using StreamRisk.Infrastructure.Graph;
using StreamRisk.Infrastructure.Qdrant;
using StreamRisk.Nlp.Embeddings;
using StreamRisk.Nlp.Entities;
using StreamRisk.Nlp.Llm;
using StreamRisk.Nlp.Manifests;
using StreamRisk.Nlp.Runtime;
using StreamRisk.Nlp.Sentiment;
using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Default;
using StreamRisk.RiskModels.Forecasting;

namespace StreamRisk.Pipeline.Running;

/// <summary>The models a pipeline runs with; the built-in ones unless configured otherwise.</summary>
public sealed record PipelineModels(
    IIssuerRecognizer Recognizer,
    IFirmSentimentModel FirmSentiment,
    IIndustryTextModel IndustryText,
    TopicRetriever Topics,
    IKnowledgeGraph Graph) : IDisposable
{
    /// <summary>The built-in models: gazetteer NER + Jaro–Winkler linking, lexicon scorers, hashed TF-IDF topic retrieval over the
    /// embedded index and graph (whatever STREAMRISK_VECTOR_INDEX and STREAMRISK_GRAPH say).</summary>
    public static PipelineModels BuiltIn(ReferenceData reference) =>
        Create(reference, ModelOptions.BuiltIn with { VectorIndex = "embedded", Graph = "embedded" });

    /// <summary>The built-in models, with each part that <paramref name="options"/> names replaced by its ONNX model.</summary>
    /// <param name="embeddingModel">The model of <see cref="ModelOptions.EmbeddingModel"/> when the caller loaded it already
    /// (<see cref="LoadEmbeddingModel"/>, to place issuers with it): used, not loaded again, and left to the caller to dispose.</param>
    public static PipelineModels Create(ReferenceData reference, ModelOptions options, OnnxTextEmbedder? embeddingModel = null)
    {
        // Checked before any model loads or any server is contacted.
        var backends = RetrievalBackends.From(options);
        var runtime = RuntimeOptions(options);
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
            IFirmSentimentModel firm = new LexiconFirmSentimentModel(
                calibration: options.FirmModel == ModelOptions.CalibratedLexicon ? BundledModelLocation.LexiconCalibration() : null);
            if (options.FirmModel is not (null or ModelOptions.CalibratedLexicon))
            {
                var absa = OnnxAbsaModel.Load(BundledModelLocation.ResolveFirmModel(options.FirmModel), FirmRuntimeOptions(runtime));
                disposables.Add(absa);
                firm = absa;
            }
            var (embedder, retrieval) = CreateTopicEmbedder(reference, options, runtime, disposables, embeddingModel);
            var topics = OpenTopics(reference, embedder, retrieval, backends, disposables);
            var graph = OpenGraph(reference, backends, disposables);
            var industry = CreateIndustryModel(reference, options, disposables);
            return new PipelineModels(recognizer, firm, industry, topics, graph)
            {
                Owned = disposables,
                SpreadModel = LoadSpreadModel(options.SpreadModel),
                RiskModel = LoadRiskModel(options.RiskModel, "--risk-model"),
                RiskModelShadow = options.RiskModelShadow is null ? null
                    : options.RiskModel is null ? throw new ConfigurationException("--risk-model-shadow needs --risk-model (the model whose class is served)")
                    : LoadRiskModel(options.RiskModelShadow, "--risk-model-shadow"),
                Macro = LoadMacro(options.MacroFile),
                Spillover = options.Spillover,
            };
        }
        catch
        {
            foreach (var d in disposables) d.Dispose();
            throw;
        }
    }

    /// <summary>The firm-sentiment runner scores one batch per core at once, each on one thread, unless the operator
    /// threads were set (<c>--onnx-threads</c>): measured faster than one batch at a time on all cores (bench/RESULTS.md).</summary>
    internal static OnnxRuntimeOptions FirmRuntimeOptions(OnnxRuntimeOptions runtime) =>
        runtime.IntraOpThreads == 0 && runtime.ExecutionProvider == "cpu" ? runtime with { ConcurrentBatches = Environment.ProcessorCount } : runtime;

    internal static OnnxRuntimeOptions RuntimeOptions(ModelOptions options) => new()
    {
        ExecutionProvider = options.ExecutionProvider,
        AllowCpuFallback = options.AllowCpuFallback,
        IntraOpThreads = options.Threads,
    };

    /// <summary>
    /// What topic texts are embedded with: built-in hashed TF-IDF (its IDF learned from the topic texts), or the ONNX
    /// sentence-embedding model (<paramref name="loaded"/> when given, else loaded here and added to
    /// <paramref name="disposables"/>), with the similarity cut-off that fits it. <c>streamrisk index seed</c> uses the same.
    /// </summary>
    internal static (ITextEmbedder Embedder, TopicRetrievalOptions Retrieval) CreateTopicEmbedder(ReferenceData reference, ModelOptions options,
        OnnxRuntimeOptions runtime, List<IDisposable> disposables, OnnxTextEmbedder? loaded = null)
    {
        if (options.EmbeddingModel is null)
        {
            return (new HashedTfIdfEmbedder(reference.Topics.Select(TopicRetriever.TopicText)), TopicRetrievalOptions.Default);
        }
        var onnx = loaded;
        if (onnx is null)
        {
            onnx = OnnxTextEmbedder.Load(options.EmbeddingModel, runtime);
            disposables.Add(onnx);
        }
        // Dense sentence embeddings live on the scale the MulFSA paper's 0.6 cut-off was chosen for.
        return (onnx, TopicRetrievalOptions.Default with { MinSimilarity = TopicRetrievalOptions.DenseEmbeddingMinSimilarity });
    }

    /// <summary>
    /// The ONNX sentence-embedding model of <see cref="ModelOptions.EmbeddingModel"/>, null when none is configured. Loaded
    /// before the reference data, so that issuers are placed by description with it and topic retrieval reuses it
    /// (<see cref="Create"/>) instead of loading it a second time. The caller disposes it.
    /// </summary>
    /// <exception cref="ConfigurationException">The manifest or the model cannot be loaded.</exception>
    public static OnnxTextEmbedder? LoadEmbeddingModel(ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.EmbeddingModel is null)
        {
            return null;
        }
        try
        {
            return OnnxTextEmbedder.Load(options.EmbeddingModel, RuntimeOptions(options));
        }
        catch (Exception ex) when (ex is ModelManifestException or ExecutionProviderUnavailableException or FileNotFoundException)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
    }

    /// <summary>Topic retrieval over the embedded exact index (seeded here), or over Qdrant (seeded before by <c>streamrisk index seed</c>).</summary>
    private static TopicRetriever OpenTopics(ReferenceData reference, ITextEmbedder embedder, TopicRetrievalOptions retrieval,
        RetrievalBackends backends, List<IDisposable> disposables)
    {
        if (backends.Qdrant is null)
        {
            return new TopicRetriever(reference.Topics, embedder, new ExactCosineIndex(embedder.Dimension), retrieval);
        }
        try
        {
            var index = QdrantVectorIndex.OpenAsync(backends.Qdrant, embedder.ModelId, embedder.Dimension, createIfMissing: false).GetAwaiter().GetResult();
            disposables.Add(index);
            return TopicRetriever.OpenAsync(reference.Topics, embedder, index, retrieval).GetAwaiter().GetResult();
        }
        catch (VectorIndexException ex)
        {
            throw new ConfigurationException($"--vector-index qdrant: {ex.Message}", ex);
        }
    }

    /// <summary>The embedded graph from the reference data, or Neo4j (seeded before by <c>streamrisk graph seed</c>).</summary>
    private static IKnowledgeGraph OpenGraph(ReferenceData reference, RetrievalBackends backends, List<IDisposable> disposables)
    {
        if (backends.Neo4j is null)
        {
            return EmbeddedKnowledgeGraph.From(reference);
        }
        var graph = new Neo4jKnowledgeGraph(backends.Neo4j);
        disposables.Add(graph);
        try
        {
            graph.CheckSeededAsync().GetAwaiter().GetResult();
        }
        catch (KnowledgeGraphException ex)
        {
            throw new ConfigurationException($"--graph neo4j: {ex.Message}", ex);
        }
        return graph;
    }

    /// <summary>The built-in scorer, or an LLM (GGUF in process, or an OpenAI-compatible server) that falls back to it.</summary>
    private static IIndustryTextModel CreateIndustryModel(ReferenceData reference, ModelOptions options, List<IDisposable> disposables)
    {
        var spec = IndustryModelSpec.Parse(options.IndustryModel, options.IndustryModelSource);
        if (spec.Kind == IndustryModelKind.BuiltIn)
        {
            return new BuiltInIndustryTextModel();
        }
        var topicIds = reference.Topics.Select(t => t.TopicId).ToList();
        ILanguageModelBackend backend = spec.Kind == IndustryModelKind.Gguf
            ? GgufLanguageModel.Load(spec.Location!, topicIds, new GgufModelOptions { Threads = options.LlmThreads })
            : new OpenAiLanguageModel(new Uri(spec.Location!), topicIds, new OpenAiModelOptions
            {
                Model = options.IndustryModelName,
                ApiKey = Environment.GetEnvironmentVariable(OpenAiKeyVariable) is { Length: > 0 } key ? key : "none",
            });
        disposables.Add((IDisposable)backend);
        return new LlmIndustryTextModel(backend, new IndustryPrompt(options.IndustryPromptLanguage), topicIds.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Bearer token for an OpenAI-compatible server (never a command-line option: it would show in process lists).</summary>
    public const string OpenAiKeyVariable = "STREAMRISK_OPENAI_API_KEY";

    private IReadOnlyList<IDisposable> Owned { get; init; } = [];

    /// <summary>The trained spread forecaster the score stage serves, or null for <c>baseline-v1</c> alone.</summary>
    public SpreadForecastModel? SpreadModel { get; init; }

    private static SpreadForecastModel? LoadSpreadModel(string? path)
    {
        if (path is null) return null;
        try
        {
            return SpreadForecastModel.Load(path);
        }
        catch (ModelArtifactException ex)
        {
            throw new ConfigurationException($"--spread-model: {ex.Message}", ex);
        }
    }

    /// <summary>The trained class model the score stage serves (swapped when its artifact changes), or null for <c>baseline-v1</c>.</summary>
    public SwappableClassModel? RiskModel { get; init; }

    /// <summary>The class model scored alongside <see cref="RiskModel"/> for comparison only.</summary>
    public SwappableClassModel? RiskModelShadow { get; init; }

    /// <summary>Macro indicators for the class model (empty: the model's training means).</summary>
    public MacroTable Macro { get; init; } = MacroTable.None;

    /// <summary>How shocks spill over to related issuers in the daily index (checked by <see cref="RetrievalBackends.From"/>).</summary>
    public SpilloverOptions Spillover { get; init; } = SpilloverOptions.Default;

    /// <summary>How often a served class model's artifact is checked for a replacement.</summary>
    public static readonly TimeSpan RiskModelCheckInterval = TimeSpan.FromSeconds(30);

    private static SwappableClassModel? LoadRiskModel(string? path, string option)
    {
        if (path is null) return null;
        try
        {
            return new SwappableClassModel(path, DefaultClassModels.Load, TimeProvider.System, RiskModelCheckInterval,
                line => Console.Error.WriteLine($"{option}: {line}"));
        }
        catch (ModelArtifactException ex)
        {
            throw new ConfigurationException($"{option}: {ex.Message}", ex);
        }
    }

    private static MacroTable LoadMacro(string? path)
    {
        if (path is null) return MacroTable.None;
        try
        {
            return MacroTable.Load(path);
        }
        catch (ModelArtifactException ex)
        {
            throw new ConfigurationException($"--macro: {ex.Message}", ex);
        }
    }

    public void Dispose()
    {
        foreach (var d in Owned) d.Dispose();
    }
}
