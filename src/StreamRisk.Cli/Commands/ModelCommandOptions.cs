using System.CommandLine;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary>The options that switch text models from built-in to ONNX Runtime (docs/models.md), shared by run and replay.</summary>
internal sealed class ModelCommandOptions
{
    private readonly Option<string> _firm = FirmModelOption();
    private readonly Option<string?> _ner = new("--ner-model") { Description = "Manifest of an ONNX token-classification (NER) model; its ORG spans are linked to issuers. Default: gazetteer only." };
    private readonly Option<NerMode> _nerMode = new("--ner-mode") { Description = "How NER-model and gazetteer mentions combine: Union, ModelOnly, GazetteerOnly.", DefaultValueFactory = _ => NerMode.Union };
    private readonly Option<string?> _embedding = new("--embedding-model") { Description = "Manifest of an ONNX sentence-embedding model for topic retrieval and for placing issuers listed without industries by their description. Default: built-in hashed TF-IDF." };
    private readonly Option<string> _provider = new("--execution-provider") { Description = "ONNX Runtime execution provider: cpu or cuda.", DefaultValueFactory = _ => "cpu" };
    private readonly Option<bool> _fallback = new("--allow-cpu-fallback") { Description = "With --execution-provider cuda: run on the CPU (with a warning) when CUDA is unavailable, instead of failing." };
    private readonly Option<string?> _industry = IndustryModelOption();
    private readonly Option<string> _industryName = new("--industry-model-name") { Description = "Model name sent to an openai: server.", DefaultValueFactory = _ => "qwen2.5-3b-instruct" };
    private readonly Option<string> _industryPrompt = new("--industry-prompt") { Description = "Language of the industry LLM prompt: en or zh.", DefaultValueFactory = _ => "en" };
    private readonly Option<int> _llmThreads = LlmThreadsOption();
    private readonly Option<string?> _spread = new("--spread-model")
    {
        Description = "Artifact folder (or its manifest.json) of a trained spread forecaster (streamrisk train spread): every risk score then also "
            + "carries its spread forecast with a prediction interval, the model version and the inputs' dates. Default: baseline-v1 only.",
    };
    private readonly Option<string?> _risk = new("--risk-model")
    {
        Description = "Artifact folder (or its manifest.json) of a trained default-class model (streamrisk train default): the class probabilities "
            + "of every risk score are then its, with their explanation; a new artifact written there is served without a restart. Default: baseline-v1.",
    };
    private readonly Option<string?> _riskShadow = new("--risk-model-shadow")
    {
        Description = "A second class-model artifact scored on the same inputs: its probabilities travel on each score as 'shadow' and its "
            + "disagreements are counted, but it never decides the class. Needs --risk-model.",
    };
    private readonly Option<string?> _macro = new("--macro")
    {
        Description = "Quarterly macro indicators for --risk-model (a simulated market's macro.csv). Default: the model's training means.",
    };
    private readonly RetrievalCommandOptions _retrieval = new();
    private readonly Option<int> _threads = new("--onnx-threads") { Description = "ONNX Runtime intra-op threads (0: its default; the firm-sentiment model then scores one batch per core at once, one thread each).", DefaultValueFactory = _ => 0 };

    /// <summary>Shared with <c>live</c>.</summary>
    public static Option<string> FirmModelOption() => new("--firm-model")
    {
        Description = "Firm-level sentiment: 'default' (the shipped three-network ensemble trained by streamrisk train sentiment, served by ONNX Runtime), "
            + "'single' (its first network alone: faster, less accurate), "
            + "'lexicon' (the built-in word-list scorer, with the calibration shipped next to the model), or the manifest (JSON) or folder of an ONNX aspect-sentiment model.",
        DefaultValueFactory = _ => "default",
    };

    /// <summary>Shared with <c>eval</c>.</summary>
    public static Option<string?> IndustryModelOption() => new("--industry-model")
    {
        Description = "Model that reads texts naming no issuer: builtin (lexicon scorer), gguf:PATH (a GGUF model run in process by LLamaSharp, CPU) or openai:URL (an OpenAI-compatible server: llama.cpp server, vLLM, Ollama). Default: $STREAMRISK_INDUSTRY_MODEL, else builtin.",
    };

    /// <summary>Shared with <c>eval</c>.</summary>
    public static Option<int> LlmThreadsOption() => new("--llm-threads") { Description = "CPU threads of a gguf: model (0: llama.cpp's default).", DefaultValueFactory = _ => 0 };

    /// <summary>The options a worker takes: the firm-sentiment model, the industry LLM and the spread forecaster (its NER and
    /// embedding models are the built-in ones), so a worker scores as <c>run</c> does by default.</summary>
    public void AddWorkerModelsTo(Command command)
    {
        _industryPrompt.AcceptOnlyFromAmong("en", "zh");
        foreach (var option in new Option[] { _firm, _industry, _industryName, _industryPrompt, _llmThreads, _spread, _risk, _riskShadow, _macro }.Concat(_retrieval.All))
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The firm-sentiment, industry LLM and spread forecaster options over <paramref name="models"/>.</summary>
    public ModelOptions ReadWorkerModels(ParseResult result, ModelOptions models) => _retrieval.Read(result, models) with
    {
        FirmModel = result.GetValue(_firm)!,
        SpreadModel = result.GetValue(_spread),
        RiskModel = result.GetValue(_risk),
        RiskModelShadow = result.GetValue(_riskShadow),
        MacroFile = result.GetValue(_macro),
        IndustryModel = result.GetValue(_industry) ?? Environment.GetEnvironmentVariable(IndustryModelSpec.Variable),
        IndustryModelSource = result.GetValue(_industry) is null ? IndustryModelSpec.Variable : "--industry-model",
        IndustryModelName = result.GetValue(_industryName)!,
        IndustryPromptLanguage = result.GetValue(_industryPrompt) == "zh" ? Core.IndustryText.PromptLanguage.Chinese : Core.IndustryText.PromptLanguage.English,
        LlmThreads = result.GetValue(_llmThreads),
    };

    public void AddTo(Command command)
    {
        _industryPrompt.AcceptOnlyFromAmong("en", "zh");
        foreach (var option in new Option[] { _firm, _ner, _nerMode, _embedding, _provider, _fallback, _threads, _industry, _industryName, _industryPrompt, _llmThreads, _spread, _risk, _riskShadow, _macro }.Concat(_retrieval.All))
        {
            command.Options.Add(option);
        }
    }

    public ModelOptions Read(ParseResult result) => ReadWorkerModels(result, new()
    {
        FirmModel = result.GetValue(_firm)!,
        NerModel = result.GetValue(_ner),
        NerMode = result.GetValue(_nerMode),
        EmbeddingModel = result.GetValue(_embedding),
        ExecutionProvider = result.GetValue(_provider)!,
        AllowCpuFallback = result.GetValue(_fallback),
        Threads = result.GetValue(_threads),
    });
}
