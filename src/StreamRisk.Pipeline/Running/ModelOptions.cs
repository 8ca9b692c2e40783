namespace StreamRisk.Pipeline.Running;

/// <summary>How NER model mentions and gazetteer mentions are combined.</summary>
public enum NerMode { Union, ModelOnly, GazetteerOnly }

/// <summary>
/// Which text models a run uses. Every manifest left null keeps the built-in model (no weights needed); a manifest
/// switches that part to ONNX Runtime (see docs/models.md).
/// </summary>
public sealed record ModelOptions
{
    public static ModelOptions BuiltIn { get; } = new();

    /// <summary>Manifest of an aspect-sentiment (ABSA) model for firm-level sentiment; <c>default</c> for the shipped trained
    /// model (data/models/firm-sentiment); <see cref="CalibratedLexicon"/> for the built-in lexicon scorer with the
    /// calibration shipped next to that model; null for the lexicon scorer uncalibrated.</summary>
    public string? FirmModel { get; init; }

    public const string CalibratedLexicon = "lexicon";

    /// <summary>Manifest of a token-classification (NER) model; its ORG spans are linked to issuers.</summary>
    public string? NerModel { get; init; }

    public NerMode NerMode { get; init; } = NerMode.Union;

    /// <summary>Manifest of a sentence-embedding model used for topic retrieval instead of hashed TF-IDF.</summary>
    public string? EmbeddingModel { get; init; }

    /// <summary><c>cpu</c> or <c>cuda</c>; CUDA requested but unavailable is an error unless <see cref="AllowCpuFallback"/>.</summary>
    public string ExecutionProvider { get; init; } = "cpu";

    public bool AllowCpuFallback { get; init; }

    /// <summary>ONNX Runtime intra-op threads (0: its default).</summary>
    public int Threads { get; init; }

    /// <summary><c>builtin</c> (null), <c>gguf:PATH</c> or <c>openai:URL</c>: the model that reads issuer-free texts.</summary>
    public string? IndustryModel { get; init; }

    /// <summary>Where <see cref="IndustryModel"/> came from, for error messages (the option or the variable).</summary>
    public string IndustryModelSource { get; init; } = "--industry-model";

    /// <summary>Model name sent to an OpenAI-compatible server.</summary>
    public string IndustryModelName { get; init; } = "qwen2.5-3b-instruct";

    /// <summary>Language of the industry prompt (English or Chinese).</summary>
    public Core.IndustryText.PromptLanguage IndustryPromptLanguage { get; init; } = Core.IndustryText.PromptLanguage.English;

    /// <summary>CPU threads of an in-process GGUF model (0: llama.cpp's default).</summary>
    public int LlmThreads { get; init; }

    /// <summary>Artifact folder (or its manifest.json) of a trained spread forecaster (<c>streamrisk train spread</c>); null keeps
    /// <c>baseline-v1</c> alone.</summary>
    public string? SpreadModel { get; init; }

    /// <summary>Artifact folder (or its manifest.json) of a trained default-class model (<c>streamrisk train default</c>); null keeps
    /// <c>baseline-v1</c>'s class probabilities.</summary>
    public string? RiskModel { get; init; }

    /// <summary>A second class-model artifact scored alongside <see cref="RiskModel"/> for comparison, never acted on.</summary>
    public string? RiskModelShadow { get; init; }

    /// <summary>Quarterly macro indicators the class model reads (a simulated market's macro.csv); null: the model's training means.</summary>
    public string? MacroFile { get; init; }

    /// <summary><c>embedded</c> or <c>qdrant</c> (null: $STREAMRISK_VECTOR_INDEX, else embedded); see <see cref="RetrievalBackends"/>.</summary>
    public string? VectorIndex { get; init; }

    /// <summary>Qdrant's gRPC address (null: $STREAMRISK_QDRANT_URL, else http://localhost:6334).</summary>
    public string? QdrantUrl { get; init; }

    /// <summary><c>embedded</c> or <c>neo4j</c> (null: $STREAMRISK_GRAPH, else embedded).</summary>
    public string? Graph { get; init; }

    /// <summary>Neo4j's HTTP address (null: $STREAMRISK_NEO4J_URL, else http://localhost:7474).</summary>
    public string? Neo4jUrl { get; init; }

    /// <summary>How a shock spills over to related issuers in the daily index (<c>--spillover-decay</c>,
    /// <c>--spillover-hops</c>); <see cref="Core.Graph.SpilloverOptions.Default"/> unless set.</summary>
    public Core.Graph.SpilloverOptions Spillover { get; init; } = Core.Graph.SpilloverOptions.Default;

    public bool UsesOnnx => FirmModel is not (null or CalibratedLexicon) || NerModel is not null || EmbeddingModel is not null;
}
